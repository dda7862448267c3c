// A hidden button is not a permission check: the server must refuse a journalist's publish
// even when the request is crafted by hand.
import { expect, test } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en;

test("a journalist's direct call to the publish action is refused and publishes nothing", async ({ as, reader: anonymous, factory, runId }) => {
  // A journalist's article waiting for review; the journalist has no publish button for it.
  const { id: articleId, editUrl } = await factory.article({ headline: `Geheimer Entwurf ${runId}`, section: "wirtschaft", status: "in_review", paragraphs: ["Noch nicht für die Öffentlichkeit."] });
  const journalist = await as("journalist");
  await journalist.goto(editUrl);
  const draft = new ArticleEditorPage(journalist);
  await expect(journalist.getByText(m.status.in_review, { exact: true }).first()).toBeVisible();
  await expect(draft.button(m.editor.publish)).toHaveCount(0);

  // Learn what a real publish request looks like from an editor's click, without letting it through.
  const editor = await as("editor");
  await editor.goto(`/desk/articles/${articleId}`);
  let captured: { url: string; headers: Record<string, string>; body: string } | null = null;
  await editor.route("**/desk/articles/**", async (route) => {
    const request = route.request();
    // (The editor first reads the article's current version — another action, let through — then publishes.)
    if (request.method() === "POST" && request.headers()["next-action"] && (request.postData() ?? "").includes(`"id":${articleId}`)) {
      captured = { url: request.url(), headers: request.headers(), body: request.postData() ?? "" };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await new ArticleEditorPage(editor).button(m.editor.publish).click();
  await expect.poll(() => captured).not.toBeNull();
  const publishCall = captured!;
  expect(publishCall.body).toContain(`"id":${articleId}`);

  // Replay it with the journalist's session cookie.
  const response = await journalist.request.post(publishCall.url, {
    headers: {
      "next-action": publishCall.headers["next-action"],
      "content-type": publishCall.headers["content-type"],
      accept: "text/x-component",
      origin: new URL(publishCall.url).origin,
      "accept-language": "en-GB",
    },
    data: publishCall.body,
  });
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toContain(m.errors.publishEditorsOnly);

  // Nothing was published: the short link finds nothing and the article is still in review.
  const reader = await anonymous();
  const short = await reader.request.get(`/a/${articleId}`, { maxRedirects: 0 });
  expect(short.status()).toBe(404);
  await journalist.reload();
  await expect(journalist.getByText(m.status.in_review, { exact: true }).first()).toBeVisible();
});
