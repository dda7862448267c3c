import { MATCH_END, MATCH_START } from "@/lib/search-marks";

/** A search snippet with the matched words marked — as React text, never as HTML. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(MATCH_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const [hit, rest = ""] = part.split(MATCH_END);
        return (
          <span key={i}>
            <mark>{hit}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}
