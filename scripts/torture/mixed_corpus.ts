/**
 * @module
 * A mixed input folder for the torture suite: text and Markdown, HTML, PDF, DOCX, subtitles and,
 * when Debian's pocketsphinx-testdata is installed, recordings of real speech. Deterministic: the
 * same count gives the same bytes.
 */
import { join } from "node:path";
import { makeCorpus, writeText } from "../../tests/support/corpus.ts";
import { makeDocx, makePdf } from "../../tests/support/documents.ts";

const LIBRIVOX = "/usr/share/pocketsphinx/test/data/librivox";

export interface MixedCorpus {
  files: number;
  recordings: number;
}

/** About one file in ten of each rich kind, the rest plain text; `recordings` clips at most. */
export async function makeMixedCorpus(
  dir: string,
  count: number,
  recordings: number,
): Promise<MixedCorpus> {
  const clips = speechClips(recordings);
  const rich = Math.floor(count / 10);
  const plain = Math.max(0, count - 4 * rich - clips.length);
  await makeCorpus(join(dir, "text"), plain);
  for (let i = 0; i < rich; i++) {
    const topic = `harbour ${i}`;
    const body = `The ${topic} survey counted boats, nets and gulls. Keeper Ada Lind wrote it up.`;
    await writeText(
      join(dir, "html", `page-${i}.html`),
      `<!doctype html><html><head><title>Page ${i}</title></head><body><nav>menu</nav>` +
        `<main><h1>Page ${i}</h1><p>${body}</p></main></body></html>`,
    );
    await writeText(
      join(dir, "pdf", `report-${i}.pdf`),
      await makePdf(`Report ${i}`, [body, body]),
    );
    await writeText(join(dir, "docx", `memo-${i}.docx`), await makeDocx(`Memo ${i}`, [body]));
    await writeText(
      join(dir, "subtitles", `talk-${i}.srt`),
      `1\n00:00:01,000 --> 00:00:04,000\n${body}\n\n2\n00:00:05,000 --> 00:00:08,000\n` +
        `Questions about the ${topic} came after.\n`,
    );
  }
  for (const [i, clip] of clips.entries()) {
    await Deno.copyFile(clip, join(dir, `clip-${i}.wav`));
  }
  return { files: plain + 4 * rich + clips.length, recordings: clips.length };
}

function speechClips(wanted: number): string[] {
  try {
    const names = [...Deno.readDirSync(LIBRIVOX)].map((e) => e.name).filter((n) =>
      n.endsWith(".wav")
    ).sort();
    return names.slice(0, wanted).map((n) => join(LIBRIVOX, n));
  } catch {
    return [];
  }
}
