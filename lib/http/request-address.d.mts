import type { IncomingMessage } from "node:http";
export const CLIENT_ADDRESS_HEADER: string;
export function stampClientAddress(req: IncomingMessage, trusted?: string): void;
