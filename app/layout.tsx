import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Copydesk", template: "%s · Copydesk" },
  description: "Nachrichten aus der Copydesk-Redaktion.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="de">
      <body>{children}</body>
    </html>
  );
}
