import type en from "./messages/en.json";
import type { Locale } from "./lib/i18n";

// Type-checked message keys: a typo or a missing English key fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
