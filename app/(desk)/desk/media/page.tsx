import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listMedia } from "@/db/media/queries";
import { getViewer } from "@/app/auth";
import { maxUploadBytes } from "@/lib/media/inspect";
import { canEditMedia } from "@/lib/permissions";
import { LibraryUploader } from "@/components/media/LibraryUploader";
import { MediaDefaultsForm } from "@/components/media/MediaDefaultsForm";
import { MediaDeleteForm } from "@/components/media/MediaDeleteForm";

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[]; deleted?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("media");
  return { title: t("metaTitle") };
}

export default async function MediaLibraryPage({ searchParams }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const t = await getTranslations("media");
  const params = await searchParams;
  const list = await listMedia({ q: first(params.q), page: first(params.page) });
  const pageHref = (page: number) => `/desk/media?${new URLSearchParams({ ...(list.q ? { q: list.q } : {}), page: String(page) })}`;
  return (
    <>
      <h1>{t("title")}</h1>
      {/* Set by the delete action, whose own form is gone with the deleted image. */}
      <p role="status" className="save-status">
        {first(params.deleted) ? t("deleted", { name: first(params.deleted)!.slice(0, 200) }) : null}
      </p>
      <section className="panel" aria-labelledby="media-upload-heading">
        <h2 id="media-upload-heading">{t("uploadHeading")}</h2>
        <LibraryUploader maxBytes={maxUploadBytes()} />
      </section>
      <section className="panel" aria-labelledby="media-library-heading">
        <h2 id="media-library-heading">
          {t("libraryHeading")} <span className="count">{t("count", { count: list.total })}</span>
        </h2>
        <form role="search" action="/desk/media" className="search-form media-search">
          <div className="field">
            <label htmlFor="media-q">{t("searchLabel")}</label>
            <div className="media-search__row">
              <input id="media-q" name="q" type="search" defaultValue={list.q} maxLength={200} />
              <button className="button button--primary" type="submit">
                {t("searchSubmit")}
              </button>
              {list.q && (
                <Link className="button" href="/desk/media">
                  {t("showAll")}
                </Link>
              )}
            </div>
          </div>
        </form>
        {list.items.length === 0 ? (
          <p className="empty-state">{list.q ? t("noResults", { q: list.q }) : t("empty")}</p>
        ) : (
          <ul className="media-grid">
            {list.items.map((item) => (
              <li key={item.id} className="media-card">
                <figure>
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own WebP variants with srcset */}
                  <img src={item.src} srcSet={item.srcset} sizes="(max-width: 40rem) 100vw, 16rem" alt={item.alt || item.filename} width={item.width} height={item.height} loading="lazy" />
                  <figcaption>
                    <span className="media-card__name">{item.filename}</span>
                    <span className="media-card__meta">{t("dimensions", { width: item.width, height: item.height })}</span>
                    {item.caption ? <span>{item.caption}</span> : <span className="media-card__meta">{t("noCaption")}</span>}
                    {item.credit && <span className="media-card__meta">{item.credit}</span>}
                  </figcaption>
                </figure>
                {canEditMedia(viewer, item) && (
                  <>
                    <details>
                      <summary>{t("editDefaults")}</summary>
                      <MediaDefaultsForm item={item} />
                    </details>
                    <MediaDeleteForm item={item} />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {list.pages > 1 && (
          <nav aria-label={t("pagination")} className="pagination">
            {list.page > 1 && (
              <Link href={pageHref(list.page - 1)} rel="prev">
                {t("previousPage")}
              </Link>
            )}
            <span>{t("pageOf", { page: list.page, pages: list.pages })}</span>
            {list.page < list.pages && (
              <Link href={pageHref(list.page + 1)} rel="next">
                {t("nextPage")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
