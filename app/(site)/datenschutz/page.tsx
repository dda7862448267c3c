import type { Metadata } from "next";
import { sitePageMetadata, SitePageRoute } from "../site-page-route";

export async function generateMetadata(): Promise<Metadata> {
  return sitePageMetadata("datenschutz");
}

export default function Page() {
  return <SitePageRoute slug="datenschutz" />;
}
