import type { IncomingMessage, ServerResponse } from "node:http";
export const ALLOWED_METHODS: ReadonlySet<string>;
export function refuseMethod(req: IncomingMessage, res: ServerResponse): boolean;
