import type { IncomingMessage, ServerResponse } from "node:http";

export declare const ACTION_BODY_LIMIT_BYTES: number;
export declare function refuseOversizedAction(req: IncomingMessage, res: ServerResponse): boolean;
export declare const ACTION_MAX_DEPTH: number;
export declare function isJsonAction(req: IncomingMessage): boolean;
export declare function jsonDepth(text: string, max?: number): number;
export declare function refuseTooDeep(req: IncomingMessage, res: ServerResponse): void;
