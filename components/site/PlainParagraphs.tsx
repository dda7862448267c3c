/** Plain text already split into paragraphs of lines: each paragraph a <p>, lines joined by <br>. Never HTML. */
export function PlainParagraphs({ paragraphs }: { paragraphs: string[][] }) {
  return (
    <>
      {paragraphs.map((lines, i) => (
        <p key={i}>
          {lines.map((line, j) => (
            <span key={j}>
              {j > 0 && <br />}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}
