export function wantsPlainHtml(html: string): boolean;
export function withoutFrameworkScripts(html: string): string;
