// Next 16's request proxy: only signed-in users reach /desk (the data layer checks again).
import NextAuth from "next-auth";
import { authConfig } from "./lib/auth.config";

const { auth } = NextAuth(authConfig);
export { auth as proxy };

export const config = { matcher: ["/desk/:path*"] };
