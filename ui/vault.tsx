/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * @module
 * The vault browser: a job's notes as a folder tree with a search over their titles and text, and one
 * note rendered, with its properties, working wikilinks, key points that lead to their paragraph
 * and a link that opens it in Obsidian. Route: `#/job/ID/vault?path=NOTE[&block=ID]`.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { TextMatch } from "../src/protocol/api.ts";
import { api } from "./api.ts";
import { noteToHtml } from "./markdown.ts";

/** The vault browser's address of a note. */
export function noteHref(id: number, path: string): string {
  return `#/job/${id}/vault?path=${encodeURIComponent(path)}`;
}

export function Vault({ id, path, block }: { id: number; path: string; block?: string }) {
  const [notes, setNotes] = useState<string[]>([]);
  const [vaultDir, setVaultDir] = useState<string>();
  const [html, setHtml] = useState("");
  const [error, setError] = useState<string>();
  const [query, setQuery] = useState("");
  const [inText, setInText] = useState<TextMatch[]>([]);
  const article = useRef<HTMLElement>(null);
  useEffect(() => {
    // The server reads every note for this: once typing pauses, not at every key.
    if (query.trim().length < 2) return setInText([]);
    let stale = false;
    const timer = setTimeout(() => {
      api.search(id, query).then((m) => !stale && setInText(m), () => {});
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [id, query]);
  useEffect(() => {
    api.notes(id).then(setNotes, (e) => setError(e.message));
    api.job(id).then((j) => setVaultDir(j.vaultDir), () => {});
  }, [id]);
  useEffect(() => {
    api.note(id, path).then(
      (text) => (
        setHtml(noteToHtml(
          text,
          (p) => noteHref(id, p),
          (b) => `${noteHref(id, path)}&block=${encodeURIComponent(b)}`,
        )), setError(undefined)
      ),
      (e) => setError(e.message),
    );
  }, [id, path]);
  useEffect(() => {
    // Ids are made from [A-Za-z0-9-] only (see markdown.ts), so the lookup needs no escaping.
    const target = block && /^[A-Za-z0-9-]+$/.test(block)
      ? article.current?.querySelector(`#block-${block}`)
      : undefined;
    article.current?.querySelectorAll(".target").forEach((e) => e.classList.remove("target"));
    if (target) {
      target.classList.add("target");
      target.scrollIntoView({ block: "center" });
    }
  }, [html, block]);
  // Titles are the names: the search filters them, case and accents aside.
  const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const shown = notes.filter((n) => fold(n).includes(fold(query.trim())));
  const folders = new Map<string, string[]>();
  for (const n of shown) {
    const at = n.lastIndexOf("/");
    const folder = at < 0 ? "" : n.slice(0, at);
    folders.set(folder, [...(folders.get(folder) ?? []), n]);
  }
  const link = (n: string) => (
    <li key={n}>
      <a href={noteHref(id, n)} aria-current={n === path ? "page" : undefined}>
        {n.slice(n.lastIndexOf("/") + 1).replace(/\.md$/, "")}
      </a>
    </li>
  );
  const obsidian = vaultDir
    ? `obsidian://open?path=${encodeURIComponent(`${vaultDir}/${path}`)}`
    : undefined;
  return (
    <div class="vault">
      <nav aria-label="Notes">
        <p class="row">
          <a href={`#/job/${id}`}>Back to the job</a>
        </p>
        <label for="note-search">Search titles and text</label>
        <input
          id="note-search"
          type="search"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <p class="muted" aria-live="polite">{shown.length} of {notes.length} notes</p>
        {inText.length > 0 && (
          <section aria-label="Found in the text">
            <p class="muted">
              In the text of {inText.length} {inText.length === 1 ? "note" : "notes"}:
            </p>
            <ul class="matches">
              {inText.map((m) => (
                <li key={m.path}>
                  <a href={noteHref(id, m.path)}>
                    {m.path.slice(m.path.lastIndexOf("/") + 1).replace(/\.md$/, "")}
                  </a>
                  <span class="muted">{m.snippet}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <div role="group" aria-label="Notes by folder">
          {[...folders.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([folder, list]) =>
            folder === ""
              ? <ul key="">{list.map(link)}</ul>
              : (
                <details key={folder} open={query !== "" || path.startsWith(`${folder}/`)}>
                  <summary>
                    {folder} ({list.length})
                  </summary>
                  <ul>{list.map(link)}</ul>
                </details>
              )
          )}
        </div>
      </nav>
      <div>
        {obsidian && (
          <p class="row">
            <a href={obsidian}>Open in Obsidian</a>
          </p>
        )}
        <article class="note" aria-live="polite" ref={article}>
          {error
            ? <p class="error" role="alert">{error}</p>
            : <div dangerouslySetInnerHTML={{ __html: html }} />}
        </article>
      </div>
    </div>
  );
}
