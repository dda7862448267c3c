import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";

export function handleCollabUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
export function routeCollabUpgrades(server: Server): void;
