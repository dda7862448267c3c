export const BASELINE_HEADERS: Readonly<Record<string, string>>;
export const HSTS: string;
export const RESOURCE_POLICY: string;
export function framingFor(pathname: string): "'none'" | "'self'";
export function documentPolicy(options: { scripts: string[]; framing: string; frames?: string[]; dev?: boolean }): string;
export function embedFrameSources(html: string): string[];
export function inlineScriptHashes(html: string): string[];
export function newNonce(): string;
