/**
 * @module
 * The hostile inputs of the torture suite: each kind builds its files in the input folder and
 * says, per file, what gleaner should make of it: a note, a refusal whose message names what is
 * wrong, or (for hidden names) nothing at all. `hostile_inputs.ts` runs the app and checks.
 */
import { Buffer } from "node:buffer";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { writeText } from "../../tests/support/corpus.ts";
import { makeDocx, makePdf } from "../../tests/support/documents.ts";
import { referenceTricks } from "../../tests/support/media_tricks.ts";
import { seeded } from "../seeded.ts";
import {
  deflateSpaces,
  docx,
  HELVETICA,
  run,
  succeeds,
  textPage,
  utf16,
  wav,
  WORD_NS,
  writeRepeated,
  zip,
  zlibSpaces,
} from "./hostile_builders.ts";
import { craftPdf } from "../../tests/support/documents.ts";

/** What gleaner should do with one file. */
export type Expect =
  /** A note; `check` looks at the note's text and says what is wrong with it, if anything. */
  | { note: true; check?: (note: string) => string | undefined }
  /** Refused (failed, quarantined or skipped) with a message that matches. */
  | { refused: RegExp }
  /** Either of the two: the input is odd but may be readable (a PDF cut in half). */
  | { noteOr: RegExp; check?: (note: string) => string | undefined }
  /** Passed over silently and never read: hidden names. */
  | { hidden: true };

export interface HostileFile {
  /** The path relative to the input folder, as the app reports it. */
  path: string;
  expect: Expect;
}

export interface Kind {
  name: string;
  files: HostileFile[];
  /** Checks across the kind's files, given each file's note text (when it got one). */
  check?: (notes: Map<string, { path: string; text: string }>) => string[];
  /** Set when this machine cannot produce the kind honestly: why. */
  untestable?: string;
  /** Paths outside the input that no process of the job may open (checked in the trace). */
  secrets?: string[];
}

export interface BuildOptions {
  input: string;
  seed: number;
  /** Size of the single-line file far past the size limit. */
  hugeBytes: number;
  /** Length of the single-line text under the limit. */
  longLineBytes: number;
  /** Cues in the long subtitle file. */
  cues: number;
  /** Size the DOCX and EPUB bombs inflate to. */
  bombBytes: number;
  /** Whether the app will run without the power to read past file modes (root without
   * CAP_DAC_OVERRIDE, or not root at all): unreadable files can then be tested. */
  modesHold: boolean;
  /** Where a kind leaves what must be undone after the runs (a listening socket). */
  cleanups: (() => void)[];
}

/** The refusal of a file whose parsing or analysis outlasts the stall limit. */
export const TOO_SLOW = /showed no activity .*too slow for this file: --stall-timeout gives it/;

const MB = 1024 * 1024;
const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);

const WORDS = ("meadow river lantern harvest orchard bridge quarry village ferry harbour " +
  "granary beacon").split(" ");

/** A few sentences of ordinary prose about `topic`, so a file that should become a note can. */
export function prose(topic: string): string {
  return `The ${topic} was surveyed in spring. Keeper Ada Lind counted the boats, the nets and ` +
    `the gulls, and wrote that the ${topic} needed a new roof before the winter storms.\n`;
}

/** Builds every kind under `o.input`. Special files (FIFO, device, socket) need root or tools;
 * a kind this machine cannot make says so in `untestable`. */
export async function buildKinds(o: BuildOptions): Promise<Kind[]> {
  const random = seeded(o.seed);
  const noise = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  const put = (path: string, data: string | Uint8Array) => writeText(join(o.input, path), data);
  const kinds: Kind[] = [];
  const kind = async (
    name: string,
    make: () => Promise<HostileFile[]>,
    extra: Omit<Kind, "name" | "files"> = {},
  ) => {
    // A kind this machine cannot make honestly is reported, not built.
    kinds.push({ name, files: extra.untestable ? [] : await make(), ...extra });
  };
  const refused = (refusal: RegExp): Expect => ({ refused: refusal });
  const note = (check?: (text: string) => string | undefined): Expect => ({ note: true, check });
  const mentions = (phrase: string) => (text: string) =>
    text.includes(phrase) ? undefined : `the note does not hold "${phrase}"`;

  // ---- random bytes under every extension gleaner accepts, one kind per family
  const families: [string, string[], RegExp][] = [
    ["text", [".txt", ".md", ".markdown"], /binary content, not text|not valid UTF-8/],
    ["HTML", [".html", ".htm", ".xhtml"], /binary content, not HTML/],
    ["PDF", [".pdf"], /named \.pdf but the content is not a PDF/],
    ["Word", [".docx"], /named \.docx but the content is not a Word document/],
    ["subtitles", [".srt", ".vtt"], /binary content, not text|not valid UTF-8/],
    [
      "audio",
      [".mp3", ".wav", ".m4a", ".flac", ".ogg", ".opus"],
      /named \.\w+ but the content is not audio/,
    ],
    ["video", [".mp4", ".mkv", ".webm", ".mov"], /named \.\w+ but the content is not video/],
  ];
  for (const [family, extensions, refusal] of families) {
    await kind(`random bytes named as ${family} (${extensions.join(" ")})`, async () => {
      const files = [];
      for (const ext of extensions) {
        const path = `random/noise${ext}`;
        await put(path, noise(4096));
        files.push({ path, expect: refused(refusal) });
      }
      return files;
    });
  }

  // ---- empty files
  await kind("empty documents (.txt .md .html .pdf .docx .srt .vtt)", async () => {
    const files = [];
    for (const ext of [".txt", ".md", ".html", ".pdf", ".docx", ".srt", ".vtt"]) {
      await put(`empty/empty${ext}`, "");
      files.push({ path: `empty/empty${ext}`, expect: refused(/empty file/) });
    }
    return files;
  });
  await kind("empty recordings (.mp3 .mp4)", async () => {
    const files = [];
    for (const ext of [".mp3", ".mp4"]) {
      await put(`empty/empty${ext}`, "");
      files.push({ path: `empty/empty${ext}`, expect: refused(/empty file/) });
    }
    return files;
  });

  // ---- encodings
  // Legacy 8-bit text is read by its detected encoding (issue 14), its accents intact.
  await kind("invalid UTF-8 (Latin-1 text)", async () => {
    await put("text/latin1.txt", Uint8Array.from("café crème brûlée\n", (c) => c.charCodeAt(0)));
    return [{ path: "text/latin1.txt", expect: note(mentions("café crème brûlée")) }];
  });
  await kind("UTF-16 with a byte order mark (LE and BE)", async () => {
    const le = "\uFEFFHello from UTF-16 little endian. " + prose("granary");
    const be = "\uFEFF# Big Endian Notes\n\n" + prose("beacon");
    await put("text/utf16le-bom.txt", utf16(le, "le"));
    await put("text/utf16be-bom.md", utf16(be, "be"));
    return [
      { path: "text/utf16le-bom.txt", expect: note(mentions("UTF-16 little endian")) },
      { path: "text/utf16be-bom.md", expect: note(mentions("needed a new roof")) },
    ];
  });
  await kind("UTF-16 without a byte order mark", async () => {
    await put("text/utf16-nobom.txt", utf16("No byte order mark here. " + prose("ferry"), "le"));
    return [{ path: "text/utf16-nobom.txt", expect: note(mentions("No byte order mark here")) }];
  });
  await kind("NUL bytes inside text", async () => {
    await put("text/nul.txt", bytes("before the gap\0after the gap\n"));
    await put("text/nul.md", bytes("# Title\n\nsome\0\0\0text\n"));
    return [
      {
        path: "text/nul.txt",
        expect: refused(/binary content, not text: .*NUL byte at offset 14/),
      },
      { path: "text/nul.md", expect: refused(/binary content, not text: .*NUL byte at offset 13/) },
    ];
  });
  await kind("UTF-32 text", async () => {
    const text = "UTF-32 is rare";
    const data = new Uint8Array(4 + text.length * 4);
    data.set([0xff, 0xfe, 0, 0]);
    for (let i = 0; i < text.length; i++) data[4 + i * 4] = text.charCodeAt(i);
    await put("text/utf32.txt", data);
    return [{ path: "text/utf32.txt", expect: note(mentions("UTF-32 is rare")) }];
  });

  // ---- sizes
  await kind(`a ${label(o.hugeBytes)} single-line text, far past --max-size`, async () => {
    await writeRepeated(join(o.input, "big/huge-line.txt"), o.hugeBytes);
    return [{
      path: "big/huge-line.txt",
      expect: refused(/file too large: .* MB, the limit is 64\.0 MB/),
    }];
  });
  await kind("a sparse 1 TB Markdown file", async () => {
    const path = join(o.input, "big/sparse.md");
    const file = await Deno.open(path, { write: true, create: true });
    await file.truncate(1024 ** 4);
    file.close();
    return [{ path: "big/sparse.md", expect: refused(/file too large: 1048576\.0 MB/) }];
  });
  await kind(`a ${label(o.longLineBytes)} single line of words under the limit`, async () => {
    const sentence = WORDS.join(" ") + " ";
    await put("big/long-line.txt", sentence.repeat(Math.ceil(o.longLineBytes / sentence.length)));
    // Analysis runs as one step without a sign of life (about 2.5 s per MB measured): past the
    // stall limit it is refused as too slow, which the message must say with its remedy.
    return [{
      path: "big/long-line.txt",
      expect: { noteOr: TOO_SLOW, check: mentions("harbour granary beacon") },
    }];
  });

  // ---- Word documents
  const bomb = await deflateSpaces(o.bombBytes);
  await kind(`a DOCX bomb whose document.xml declares its ${label(o.bombBytes)}`, async () => {
    await put("docx/bomb-declared.docx", docx({ documentXml: bomb, size: o.bombBytes }));
    return [{
      path: "docx/bomb-declared.docx",
      expect: refused(/word\/document\.xml would inflate to .* \(a decompression bomb\?\)/),
    }];
  });
  await kind(
    `a DOCX bomb whose document.xml claims 2 KB and inflates to ${label(o.bombBytes)}`,
    async () => {
      await put("docx/bomb-lying.docx", docx({ documentXml: bomb, size: 2048 }));
      return [{
        path: "docx/bomb-lying.docx",
        expect: refused(/inflates past the 2048 bytes its ZIP entry declares/),
      }];
    },
  );
  await kind("a DOCX with a billion-laughs entity bomb", async () => {
    const entities = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join("");
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">${entities}]>` +
      `<w:document xmlns:w="${WORD_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t>${prose("orchard").trim()}</w:t></w:r></w:p></w:body></w:document>`;
    await put(
      "docx/laughs.docx",
      docx({ documentXml: deflateRawSync(bytes(xml)), size: xml.length }),
    );
    return [{
      path: "docx/laughs.docx",
      // xmldom never expands DOCTYPE entities: the first one used is undefined to it.
      expect: refused(/its XML uses the entity &lol9;, which no Word document defines/),
    }];
  }, {
    check: (notes) => {
      const text = notes.get("docx/laughs.docx")?.text ?? "";
      return text.length > MB ? [`its note is ${label(text.length)}: the entities expanded`] : [];
    },
  });
  await kind("a DOCX nested 100,000 elements deep", async () => {
    const depth = 100_000;
    const xml =
      `<w:document xmlns:w="${WORD_NS}"><w:body>${"<w:sdt><w:sdtContent>".repeat(depth)}` +
      `<w:p><w:r><w:t>deep</w:t></w:r></w:p>${"</w:sdtContent></w:sdt>".repeat(depth)}` +
      `</w:body></w:document>`;
    await put(
      "docx/deep.docx",
      docx({ documentXml: deflateRawSync(bytes(xml)), size: xml.length }),
    );
    return [{
      path: "docx/deep.docx",
      expect: refused(/not a readable Word document: .*nested too deeply/),
    }];
  });
  await kind("an EPUB book whose chapter is a decompression bomb", async () => {
    await put(
      "docx/book.epub",
      zip([
        { name: "mimetype", data: bytes("application/epub+zip"), size: 20, method: 0 },
        { name: "OEBPS/chapter.xhtml", data: bomb, size: o.bombBytes, method: 8 },
      ]),
    );
    return [{
      path: "docx/book.epub",
      expect: refused(/not a readable EPUB book: OEBPS\/chapter\.xhtml would inflate to/),
    }];
  });

  // ---- PDF
  await kind("a PDF whose page tree points back at itself", async () => {
    await put(
      "pdf/page-loop.pdf",
      craftPdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 2 >>",
        "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 2 >>",
      ]),
    );
    return [{
      path: "pdf/page-loop.pdf",
      expect: refused(/Pages tree contains circular reference/),
    }];
  });
  await kind("a PDF whose xref /Prev chain loops", async () => {
    const good = craftPdf(textPage("Loops in the cross reference table"));
    const xref = /startxref\n(\d+)/.exec(new TextDecoder().decode(good))![1];
    await put(
      "pdf/xref-loop.pdf",
      craftPdf(textPage("Loops in the cross reference table"), `/Prev ${xref} `),
    );
    return [{
      path: "pdf/xref-loop.pdf",
      expect: note(mentions("Loops in the cross reference table")),
    }];
  });
  await kind("truncated PDFs (cut after 40 bytes and at half)", async () => {
    const pdf = await makePdf("Cut Short", [prose("quarry"), prose("village")]);
    await put("pdf/cut-40.pdf", pdf.subarray(0, 40));
    await put("pdf/cut-half.pdf", pdf.subarray(0, pdf.length >> 1));
    return [
      { path: "pdf/cut-40.pdf", expect: refused(/not a readable PDF: .*damaged or incomplete/) },
      { path: "pdf/cut-half.pdf", expect: { noteOr: /not a readable PDF/ } },
    ];
  });
  await kind("a PDF that claims a billion pages", async () => {
    const [catalog, , page, font, content] = textPage("One real page");
    await put(
      "pdf/billion-pages.pdf",
      craftPdf([
        catalog,
        "<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>",
        page,
        font,
        content,
      ]),
    );
    return [{
      path: "pdf/billion-pages.pdf",
      // pdf.js counts the pages it finds, so the claim costs nothing: a note of the one page.
      expect: note((text) => /^pages: 1$/m.test(text) ? undefined : "its page count is not 1"),
    }];
  });
  await kind(`a PDF whose content stream inflates to ${label(o.bombBytes)}`, async () => {
    const spaces = zlibSpaces(bomb, o.bombBytes);
    const head = "%PDF-1.4\n";
    const objects = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " +
      "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      HELVETICA,
    ];
    const parts: Uint8Array[] = [bytes(head)];
    let offset = head.length;
    const offsets: number[] = [];
    for (const [i, object] of objects.entries()) {
      offsets.push(offset);
      const chunk = bytes(`${i + 1} 0 obj\n${object}\nendobj\n`);
      parts.push(chunk);
      offset += chunk.length;
    }
    offsets.push(offset);
    const open = bytes(`5 0 obj\n<< /Length ${spaces.length} /Filter /FlateDecode >>\nstream\n`);
    const close = bytes("\nendstream\nendobj\n");
    parts.push(open, spaces, close);
    offset += open.length + spaces.length + close.length;
    let tail = `xref\n0 6\n0000000000 65535 f \n`;
    for (const at of offsets) tail += `${String(at).padStart(10, "0")} 00000 n \n`;
    tail += `trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
    parts.push(bytes(tail));
    await put("pdf/flate-bomb.pdf", Buffer.concat(parts));
    return [{
      path: "pdf/flate-bomb.pdf",
      expect: refused(/inflates past 256 MB \(a decompression bomb\?\)/),
    }];
  });

  // ---- HTML
  await kind("HTML nested 100,000 <div>s deep", async () => {
    await put("html/deep.html", `<html><body>${"<div>".repeat(100_000)}deep</body></html>`);
    return [{ path: "html/deep.html", expect: refused(/HTML nested too deeply to read/) }];
  });
  await kind("XHTML with a billion-laughs entity bomb", async () => {
    const entities = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join("");
    await put(
      "html/laughs.xhtml",
      `<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol0 "lol">${entities}]>` +
        `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Laughs</title></head>` +
        `<body><p>&lol9;</p><p>${prose("lantern")}</p></body></html>`,
    );
    return [{ path: "html/laughs.xhtml", expect: note(mentions("needed a new roof")) }];
  }, {
    check: (notes) => {
      const text = notes.get("html/laughs.xhtml")?.text ?? "";
      return text.length > MB ? [`its note is ${label(text.length)}: the entities expanded`] : [];
    },
  });
  await kind("HTML with a million character references", async () => {
    await put(
      "html/references.html",
      `<html><head><title>References</title></head><body><p>${"&nbsp;&amp;".repeat(500_000)}` +
        `</p><p>${prose("bridge")}</p></body></html>`,
    );
    return [{ path: "html/references.html", expect: note(mentions("needed a new roof")) }];
  });

  // ---- subtitles
  await kind("subtitles with absurd and negative timestamps", async () => {
    await put(
      "subs/absurd.srt",
      "1\n99999999:59:59,998 --> 99999999:59:59,999\nA cue from the far future.\n\n" +
        "2\n-5:00:00,000 --> -4:00:00,000\nA cue from before the start.\n\n" +
        "3\n00:00:01,000 --> 00:00:00,500\nA cue that ends before it starts.\n",
    );
    return [{ path: "subs/absurd.srt", expect: note(mentions("far future")) }];
  });
  await kind(`subtitles with ${o.cues.toLocaleString("en")} cues`, async () => {
    const parts: string[] = [];
    for (let i = 0; i < o.cues; i++) {
      const at = new Date(i * 1000).toISOString().slice(11, 19);
      parts.push(`${i + 1}\n${at},000 --> ${at},900\n${WORDS[i % WORDS.length]} ${i}\n`);
    }
    await put("subs/many.srt", parts.join("\n"));
    return [{ path: "subs/many.srt", expect: { noteOr: TOO_SLOW } }];
  });
  await kind("WebVTT markup nested 100,000 tags deep", async () => {
    await put(
      "subs/deep.vtt",
      `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${"<b>".repeat(100_000)}deep\n`,
    );
    return [{ path: "subs/deep.vtt", expect: { noteOr: /unreadable subtitles/ } }];
  });

  // ---- recordings
  await kind("a WAV whose header claims 149 hours over 1 KB of samples", async () => {
    await put("media/lying.wav", wav(0xfffffff0, 1000));
    // ffprobe measures what is there: a note of a silent moment is as good as a refusal.
    return [{
      path: "media/lying.wav",
      expect: {
        noteOr: /recording too long|not a readable recording/,
        check: (text) =>
          /^duration: "00:00:0\d"$/m.test(text) ? undefined : "its duration is not the real one",
      },
    }];
  });
  await kind("a WAV with a valid header and no samples", async () => {
    await put("media/silent.wav", wav(0, 0));
    return [{
      path: "media/silent.wav",
      expect: refused(/not a readable recording|duration is unknown|no audio track/),
    }];
  });

  const ffmpegThere = await succeeds("ffmpeg", "-version");
  const outside = join(o.input, "..", "outside-the-input");
  await kind(
    "recordings that make ffmpeg follow a reference out of the input (concat, HLS)",
    async () => {
      await Deno.mkdir(outside, { recursive: true });
      const secretMp3 = join(outside, "secret.mp3");
      const secretWav = join(outside, "secret.wav");
      await Deno.writeFile(secretWav, wav(32_000, 32_000));
      const made = await succeeds("ffmpeg", "-v", "error", "-y", "-i", secretWav, secretMp3);
      if (!made) throw new Error("ffmpeg could not make the outside MP3");
      const files: HostileFile[] = [];
      for (const [name, data] of Object.entries(referenceTricks(secretMp3, secretWav))) {
        const path = `media/tricks/${name}`;
        await put(path, data);
        files.push({
          path,
          expect: refused(
            name.endsWith(".m3u8")
              ? /unsupported file type/
              : /not a readable recording|but the content is not audio|unsupported recording|binary content/,
          ),
        });
      }
      return files;
    },
    {
      secrets: [outside],
      ...(ffmpegThere ? {} : { untestable: "needs ffmpeg (Debian package ffmpeg)" }),
    },
  );

  // ---- names
  const named = async (path: string, expect: Expect = note()) => {
    await put(path, prose(path.slice(path.lastIndexOf("/") + 1)));
    return { path, expect };
  };
  await kind("names with newlines and tabs", async () => [
    await named("names/new\nline.md"),
    await named("names/tab\there.txt"),
    await named("names/folder\nwith newline/inside.md"),
  ]);
  await kind("names with .. inside them", async () => [
    await named("names/a..b.md"),
    await named("names/trailing...txt"),
    await named("names/x..y../inside.md"),
  ]);
  await kind("names that are only dots and an extension (hidden)", async () => [
    await named("names/..md", { hidden: true }),
    await named("names/...txt", { hidden: true }),
  ]);
  await kind("names with colons and other characters Windows forbids", async () => [
    await named("names/co:lon.txt"),
    await named('names/12:30 <meeting> |notes| "draft"?.md'),
    await named("names/back\\slash*.md"),
  ]);
  await kind("names with emoji", async () => [
    await named("names/emoji 🎉🦀.md"),
    await named("names/👩‍👩‍👧‍👦.txt"),
  ]);
  await kind("names with right-to-left text and an RLO override", async () => [
    await named("names/rtl \u202Etxt.exe.md"),
    await named("names/שלום עולם.md"),
    await named("names/سلام.txt"),
  ]);
  await kind("names of 250 bytes", async () => [
    await named(`names/${"x".repeat(246)}.txt`),
    await named(`names/${"長".repeat(82)}.md`),
  ]);
  await kind("names that differ only in case", async () => [
    await named("names/case/Report.md"),
    await named("names/case/report.md"),
    await named("names/case/REPORT.md"),
  ], { check: (notes) => distinctNotes(notes, "names/case/") });
  await kind("names that differ only in Unicode normalisation (NFC, NFD)", async () => [
    await named("names/nf/café.md".normalize("NFC")),
    await named("names/nf/café.md".normalize("NFD")),
  ], { check: (notes) => distinctNotes(notes, "names/nf/") });
  await kind("a name that is not valid UTF-8", async () => {
    const folder = join(o.input, "names/bytes");
    await Deno.mkdir(folder, { recursive: true });
    // Deno names files with strings, so the raw byte comes from the shell.
    const made = await new Deno.Command("sh", {
      args: [
        "-c",
        'printf "%s" "$2" > "$1/bad$(printf "\\377")name.txt"',
        "sh",
        folder,
        prose("x"),
      ],
    }).output();
    if (!made.success) throw new Error("cannot make a file name with a 0xFF byte");
    return [{ path: "names/bytes/bad\uFFFDname.txt", expect: refused(/name is not valid UTF-8/) }];
  });
  await kind("names of Windows devices and traversal-like titles", async () => {
    await put("names/CON.txt", prose("console"));
    await put("names/traversal.md", "---\ntitle: ../../../../outside\n---\n" + prose("escape"));
    await put("names/absolute.md", "---\ntitle: /etc/passwd\n---\n" + prose("password"));
    await put("names/dotdot.md", "# ..\n\n" + prose("dots"));
    const inSources = (text: string) => text.length === 0 ? "empty note" : undefined;
    return ["names/CON.txt", "names/traversal.md", "names/absolute.md", "names/dotdot.md"]
      .map((path) => ({ path, expect: note(inSources) }));
  });
  await kind("files with modification times in 1901 and 2200", async () => {
    const old = await named("names/old.txt");
    const future = await named("names/future.txt");
    await Deno.utime(join(o.input, old.path), new Date("1901-12-14"), new Date("1901-12-14"));
    await Deno.utime(join(o.input, future.path), new Date("2200-01-01"), new Date("2200-01-01"));
    return [old, future];
  });
  await kind("a file 100 folders deep", async () => {
    return [await named(`${"deep/".repeat(100)}bottom.md`)];
  });

  // ---- links and special files
  await kind("symlink loops (a -> b -> a, and a folder linking to itself)", async () => {
    const links = join(o.input, "links");
    await Deno.mkdir(links, { recursive: true });
    await Deno.symlink("loop-b.md", join(links, "loop-a.md"));
    await Deno.symlink("loop-a.md", join(links, "loop-b.md"));
    await Deno.symlink(".", join(links, "self"));
    return [
      { path: "links/loop-a.md", expect: refused(/symlink loop/) },
      { path: "links/loop-b.md", expect: refused(/symlink loop/) },
      { path: "links/self", expect: refused(/symlink loop/) },
    ];
  });
  await kind("a symlink to a folder above the input", async () => {
    await Deno.mkdir(join(o.input, "links"), { recursive: true });
    await Deno.symlink("../..", join(o.input, "links/up"));
    return [{ path: "links/up", expect: refused(/symlink leads outside the input folder/) }];
  });
  await kind("symlinks to /dev/zero and /dev/urandom", async () => {
    await Deno.symlink("/dev/zero", join(o.input, "links/zero.txt"));
    await Deno.symlink("/dev/urandom", join(o.input, "links/urandom.md"));
    return [
      { path: "links/zero.txt", expect: refused(/symlink leads outside the input folder/) },
      { path: "links/urandom.md", expect: refused(/symlink leads outside the input folder/) },
    ];
  });
  await kind("a broken symlink", async () => {
    await Deno.symlink("missing.md", join(o.input, "links/broken.md"));
    return [{ path: "links/broken.md", expect: refused(/broken symlink/) }];
  });
  await kind("a FIFO (named pipe)", async () => {
    await Deno.mkdir(join(o.input, "special"), { recursive: true });
    await run("mkfifo", join(o.input, "special/pipe.txt"));
    return [{ path: "special/pipe.txt", expect: refused(/not a regular file/) }];
  });
  const device = await succeeds("mknod", join(o.input, "special/zero.md"), "c", "1", "5");
  await kind("a character device node (like /dev/zero) inside the input", () => {
    return Promise.resolve([{ path: "special/zero.md", expect: refused(/not a regular file/) }]);
  }, device ? {} : { untestable: "mknod is not allowed here" });
  await kind("a Unix socket", () => {
    // Listening until the runs are over: closing the listener removes its file.
    const listener = Deno.listen({ transport: "unix", path: join(o.input, "special/socket.txt") });
    o.cleanups.push(() => listener.close());
    return Promise.resolve([{ path: "special/socket.txt", expect: refused(/not a regular file/) }]);
  });
  await kind(
    "an unreadable file and an unreadable folder (mode 000)",
    async () => {
      await put("locked/secret.txt", prose("vault"));
      await put("locked/closed/inside.md", prose("cellar"));
      await Deno.chmod(join(o.input, "locked/secret.txt"), 0o000);
      await Deno.chmod(join(o.input, "locked/closed"), 0o000);
      return [
        { path: "locked/secret.txt", expect: refused(/permission denied/i) },
        { path: "locked/closed", expect: refused(/cannot read folder: permission denied/i) },
      ];
    },
    o.modesHold ? {} : {
      untestable: "runs as root, which reads past file modes, and setpriv cannot drop that power",
    },
  );

  // ---- mislabelled and odd content
  await kind("a YAML alias bomb in Markdown frontmatter", async () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    await put(
      "odd/yaml-bomb.md",
      `---\n${levels.join("\n")}\ntitle: Aliases\n---\n${prose("cellar")}`,
    );
    return [{ path: "odd/yaml-bomb.md", expect: note(mentions("needed a new roof")) }];
  });
  await kind(
    "documents under the wrong extension (DOCX as .txt, PDF as .md, HTML as .srt)",
    async () => {
      await put("odd/memo.txt", await makeDocx("Misnamed Memo", [prose("harbour")]));
      await put("odd/report.md", await makePdf("Misnamed Report", [prose("quarry")]));
      await put(
        "odd/page.srt",
        `<!doctype html><html><body><p>${prose("bridge")}</p></body></html>`,
      );
      return ["odd/memo.txt", "odd/report.md", "odd/page.srt"]
        .map((path) => ({ path, expect: note(mentions("needed a new roof")) }));
    },
  );
  return kinds;
}

/** The normal files every run must turn into notes. */
export async function buildControls(input: string): Promise<string[]> {
  const put = (path: string, data: string | Uint8Array) => writeText(join(input, path), data);
  await put("control/notes.md", `# Harbour Notes\n\n${prose("harbour")}`);
  await put("control/plain.txt", prose("orchard"));
  await put(
    "control/page.html",
    `<!doctype html><html><head><title>Village Page</title></head><body><main><h1>Village</h1>` +
      `<p>${prose("village")}</p></main></body></html>`,
  );
  await put("control/report.pdf", await makePdf("Quarry Report", [prose("quarry")]));
  await put("control/memo.docx", await makeDocx("Ferry Memo", [prose("ferry")]));
  await put("control/talk.srt", `1\n00:00:01,000 --> 00:00:04,000\n${prose("meadow")}\n`);
  return [
    "control/notes.md",
    "control/plain.txt",
    "control/page.html",
    "control/report.pdf",
    "control/memo.docx",
    "control/talk.srt",
  ];
}

/** Notes of files whose names collide on case-insensitive disks must not share a name there. */
function distinctNotes(notes: Map<string, { path: string }>, prefix: string): string[] {
  const paths = [...notes.entries()].filter(([file]) => file.startsWith(prefix))
    .map(([, note]) => note.path);
  const keys = new Set(paths.map((p) => p.normalize("NFC").toLowerCase()));
  return keys.size === paths.length
    ? []
    : [`their notes collide on a case-insensitive disk: ${paths.join(", ")}`];
}

function label(n: number): string {
  return n >= 1024 * MB ? `${n / (1024 * MB)} GB` : `${Math.round(n / MB)} MB`;
}
