/**
 * @module
 * Recordings crafted to make ffmpeg open files they name: the attack of issue 13 and its
 * cousins. Shared by the engine containment test and the torture suite's hostile inputs.
 */

/** An ID3v2.3 tag of `padding` bytes: what makes any content sniff as MP3. */
export function id3(padding: number): Uint8Array {
  const syncsafe = [21, 14, 7, 0].map((shift) => (padding >> shift) & 0x7f);
  const tag = new Uint8Array(10 + padding);
  tag.set([0x49, 0x44, 0x33, 3, 0, 0, ...syncsafe]);
  return tag;
}

export function joinBytes(...parts: (Uint8Array | string)[]): Uint8Array {
  const bytes = parts.map((p) => typeof p === "string" ? new TextEncoder().encode(p) : p);
  const out = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of bytes) (out.set(b, at), at += b.length);
  return out;
}

/**
 * The crafted files by name, each pointing at recordings outside the input: `secretMp3` and
 * `secretWav` (absolute paths). `list.m3u8` is the playlist the first one's concat list names;
 * it must lie beside them in the input.
 */
export function referenceTricks(secretMp3: string, secretWav: string): Record<string, Uint8Array> {
  const playlist = `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:2,\n${secretMp3}\n` +
    "#EXT-X-ENDLIST\n";
  return {
    "list.m3u8": joinBytes(playlist),
    "id3-concat.mp3": joinBytes(id3(70 * 1024), "ffconcat version 1.0\nfile list.m3u8\n"),
    "id3-concat-abs.mp3": joinBytes(id3(70 * 1024), `ffconcat version 1.0\nfile ${secretWav}\n`),
    "hls.mp3": joinBytes(playlist),
    "concat.wav": joinBytes(`ffconcat version 1.0\nfile ${secretWav}\n`),
    "id3-subtitles.mp3": joinBytes(
      id3(4096),
      `WEBVTT\n\n00:00.000 --> 00:01.000\n${secretWav}\n`,
    ),
    "id3-hls.m4a": joinBytes(id3(4096), playlist),
  };
}
