import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import "../globals.css";
import "../desk.css"; // the desk's own styles: readers never load them

export const metadata: Metadata = {
  title: { default: "Copydesk", template: "%s · Copydesk" },
  robots: { index: false, follow: false },
};

/** Root layout of the newsroom (desk and sign-in), in the person's own language. */
export default async function DeskRootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
