import "server-only";
import * as Y from "yjs";
import { copyNewerThanState, differsFromCopy, firstStateOf, type WorkingCopy } from "@/lib/collab/document";
import type { Viewer } from "@/lib/permissions";
import { getCollabSource } from "./collab-queries";
import { initCollabState } from "./init-collab-state";

/**
 * Past this size the editor page does not carry the document (it would travel twice, in the HTML
 * and in React's payload): the browser waits for the connection instead. A 10,000-word article's
 * state is well below it.
 */
const EDITOR_SEED_MAX_BYTES = 512 * 1024;

/**
 * The co-editing state the editor page starts from, so the editor shows the article and takes
 * keys at once instead of waiting for its connection; the connection then brings whatever the
 * server holds beyond it, and Yjs merges what was typed meanwhile (as it does with the copy a
 * device kept). The stored state, or — for an article nobody has opened yet — the first one
 * built from its working copy, stored as the collaboration server would store it on opening
 * (exactly one may ever exist: initCollabState).
 *
 * Null, and the editor waits for the connection, when the working copy was written beside the
 * document since it was stored (a restore, an import): the server brings that in as it opens the
 * document, and keys typed into the older text could land in text about to be replaced.
 *
 * For whom the collaboration server would open the document (at least to read): a signed-in
 * member of the newsroom who has no second factor left to enrol. Anyone else gets null and
 * writes nothing.
 */
export async function collabStateForEditor(viewer: Viewer | null, articleId: number): Promise<Uint8Array | null> {
  if (!viewer || viewer.mustEnrol) return null;
  const source = await getCollabSource(articleId);
  if (!source) return null;
  const copy = source.copy as WorkingCopy;
  let state = source.state;
  if (!state) {
    const first = firstStateOf(copy);
    state = await initCollabState(source.id, first.state, first.stateVector, source.version);
  } else if (copyNewerThanState(source)) {
    const stored = new Y.Doc();
    Y.applyUpdate(stored, state);
    const behind = differsFromCopy(stored, copy);
    stored.destroy();
    if (behind) return null;
  }
  return state.byteLength <= EDITOR_SEED_MAX_BYTES ? state : null;
}
