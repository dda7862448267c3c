// Marks the page as one whose views are counted: /reader.js sends one small POST after the
// (cached) page has arrived — a beacon the browser delivers even if the reader leaves at once —
// and a prerendered page (speculation rules) waits until the reader actually opens it.
export function ViewBeacon({ articleId }: { articleId: number }) {
  return (
    <>
      <span hidden data-view-beacon={articleId} />
      <script async src="/reader.js" />
    </>
  );
}
