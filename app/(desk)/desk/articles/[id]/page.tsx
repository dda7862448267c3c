import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { collabStateForEditor } from "@/db/articles/collab-seed";
import { listArticleNotes } from "@/db/articles/notes";
import { getArticleForEdit, listArticleEvents } from "@/db/articles/queries";
import { listSections } from "@/db/sections/queries";
import { listNewsroomUsers } from "@/db/users/queries";
import { toBase64 } from "@/lib/collab/document";
import { toEditorArticle } from "@/lib/editor/article";
import { getViewer } from "@/app/auth";
import { NEWSROOM_TIME_ZONE } from "@/lib/dates";
import { ArticleEditor } from "@/components/editor/ArticleEditor";
import { ArticleHistory } from "@/components/desk/ArticleHistory";
import { LiveBlogPanel } from "@/components/desk/LiveBlogPanel";
import { getDeskLiveBlog, listLivePublisherCandidates } from "@/db/live/queries";
import * as live from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk");
  return { title: t("editTitle") };
}

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const { id } = await params;
  const article = /^\d{1,9}$/.test(id) ? await getArticleForEdit(Number(id)) : null;
  if (!article) notFound();
  const sections = await listSections();
  const people = await listNewsroomUsers();
  const liveBlog = await getDeskLiveBlog(article.id);
  // The document to start from, so the editor takes keys before its connection is up.
  const seed = await collabStateForEditor(viewer, article.id);
  return (
    <>
      <h1 className="visually-hidden">{(await getTranslations("desk"))("editTitle")}</h1>
      <ArticleEditor
        key={article.id}
        article={toEditorArticle(article)}
        sections={sections}
        people={people}
        timeZone={NEWSROOM_TIME_ZONE}
        notes={await listArticleNotes(article.id)}
        viewer={viewer}
        initialState={seed ? toBase64(seed) : null}
      />
      {liveBlog && (
        <LiveBlogPanel
          blog={liveBlog}
          viewer={viewer}
          language={article.language}
          journalists={await listLivePublisherCandidates()}
          actions={{
            setLive: live.setLiveBlogAction,
            setPublishers: live.setLivePublishersAction,
            create: live.createLiveEntryAction,
            update: live.updateLiveEntryAction,
            publish: live.publishLiveEntryAction,
            flags: live.setLiveEntryFlagsAction,
            remove: live.deleteLiveEntryAction,
          }}
        />
      )}
      <ArticleHistory events={await listArticleEvents(article.id)} />
    </>
  );
}
