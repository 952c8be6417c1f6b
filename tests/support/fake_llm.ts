/**
 * @module
 * A small OpenAI-compatible chat completions server on loopback, for tests of LLM mode. It
 * answers from a script (a queue of replies: status, headers, raw body, or a request held open)
 * and otherwise "echoes": a deterministic answer built from the text between the triple quotes
 * of the prompt (a summary, key points, keyphrases, one claim quoted exactly from the text and
 * one made-up claim). Marker words in that text select faults for app-level tests:
 * - `FAKE-LLM-GARBAGE`: the model's content is not JSON;
 * - `FAKE-LLM-RATE-LIMIT`: 429 with `Retry-After: 1` on the first request for the text, then
 *   the echo.
 */

/** One scripted reply. `hang` holds the request open until close(). */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  hang?: boolean;
}

export interface RecordedRequest {
  /** performance.now() when the request arrived. */
  at: number;
  method: string;
  path: string;
  headers: Headers;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
  /** The usage the server reported for it, in echo mode. */
  usage?: { prompt_tokens: number; completion_tokens: number };
}

export interface FakeLlmOptions {
  /** Replies used in order, one per request, before `then`. */
  script?: FakeReply[];
  /** What every request gets once the script is used up (default: the echo). */
  then?: FakeReply | "echo";
  /** Requests served at most; later ones get HTTP 400 (a test must never loop). */
  maxRequests?: number;
}

export interface FakeLlm {
  /** Base URL of the API, ending in `/v1`. */
  url: string;
  requests: RecordedRequest[];
  /** Releases held requests and stops the server. */
  close(): Promise<void>;
}

/** The text the echo answers with: a chat completion carrying `content` and `usage`. */
export function completion(
  content: string | null,
  usage = { prompt_tokens: 10, completion_tokens: 5 },
): string {
  return JSON.stringify({
    id: "chatcmpl-fake",
    object: "chat.completion",
    model: "fake",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  });
}

/** The quote of the echo's made-up claim: it is in no test text. */
export const MADE_UP_QUOTE = "the moon is made of green cheese according to the fake model";
/** The echo's summary starts with this, so tests can tell it from the offline one. */
export const SUMMARY_PREFIX = "The model says:";

/** Starts the fake on a free loopback port; the test must close() it. */
export function startFakeLlm(options: FakeLlmOptions = {}): FakeLlm {
  const script = [...(options.script ?? [])];
  const then = options.then ?? "echo";
  const maxRequests = options.maxRequests ?? 100;
  const requests: RecordedRequest[] = [];
  const rateLimited = new Set<string>();
  const closing = Promise.withResolvers<void>();

  const handler = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const text = await request.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // recorded as text
    }
    const record: RecordedRequest = {
      at: performance.now(),
      method: request.method,
      path,
      headers: request.headers,
      body,
    };
    requests.push(record);
    if (requests.length > maxRequests) {
      return new Response("too many requests for one test", { status: 400 });
    }
    if (request.method !== "POST" || path !== "/v1/chat/completions") {
      return new Response("not found", { status: 404 });
    }
    const reply = script.shift() ?? then;
    if (reply !== "echo") {
      if (reply.hang) {
        // Held until close(): the client's own timeout is what the test is about. (Not
        // request.signal: Deno also aborts it after a successful response, and warns.)
        await closing.promise;
        return new Response("released", { status: 503 });
      }
      return new Response(reply.body ?? "", {
        status: reply.status ?? 200,
        headers: reply.headers ?? { "content-type": "application/json" },
      });
    }
    return echo(body, record, rateLimited);
  };

  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, handler);
  return {
    url: `http://127.0.0.1:${server.addr.port}/v1`,
    requests,
    async close() {
      closing.resolve();
      await server.shutdown();
    },
  };
}

function echo(body: unknown, record: RecordedRequest, rateLimited: Set<string>): Response {
  const messages = (body as { messages?: { role: string; content: string }[] })?.messages;
  const prompt = messages?.findLast((m) => m.role === "user")?.content;
  if (typeof prompt !== "string") return new Response("no user message", { status: 400 });
  const text = quoted(prompt);

  if (text.includes("FAKE-LLM-RATE-LIMIT") && !rateLimited.has(text)) {
    rateLimited.add(text);
    return Response.json({ error: { message: "rate limited" } }, {
      status: 429,
      headers: { "retry-after": "1" },
    });
  }
  const content = text.includes("FAKE-LLM-GARBAGE")
    ? "Sure! Here is the summary you asked for, not as JSON."
    : JSON.stringify(answer(prompt, text));
  const promptChars = messages!.reduce((n, m) => n + m.content.length, 0);
  const usage = {
    prompt_tokens: Math.ceil(promptChars / 4),
    completion_tokens: Math.ceil(content.length / 4),
  };
  record.usage = usage;
  return new Response(completion(content, usage), {
    headers: { "content-type": "application/json" },
  });
}

/** The text between the first and the last triple quotes of the prompt. */
function quoted(prompt: string): string {
  const start = prompt.indexOf('"""');
  const end = prompt.lastIndexOf('"""');
  return start === -1 || end <= start ? prompt : prompt.slice(start + 3, end).trim();
}

/** What a careful model would answer, deterministically, in the shape the prompt asks for. */
function answer(prompt: string, text: string) {
  const sentences = text.split("\n")
    // A transcript line reads "[00:01:05] Ana: ..."; quotes must come from the words alone.
    .map((line) =>
      line.replace(/^\[\d+:\d\d:\d\d\]\s*/, "").replace(/^\p{Lu}\p{L}*:\s+/u, "")
        // The reduce step reads "Part 1: <summary>" and "Key points: a; b" lines.
        .replace(/^Part \d+: /, "").replace(/^Key points: /, "").replace(SUMMARY_PREFIX, "")
    )
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const first = sentences[0] ?? text;
  const step = Math.max(1, Math.floor(sentences.length / 3));
  const keyPoints = [0, step, 2 * step].map((i) => sentences[i]).filter((s) => s !== undefined);
  const keyphrases = [
    ...new Set(text.toLowerCase().match(/\p{L}{7,}/gu) ?? []),
  ].slice(0, 3);
  const claims = [
    { claim: `The source states: ${first}`, evidence: first },
    { claim: "The moon is made of cheese", evidence: MADE_UP_QUOTE },
  ];
  const summary = `${SUMMARY_PREFIX} ${first}`;
  const whole = prompt.includes('"keyphrases"');
  return {
    summary: whole ? [summary] : summary,
    key_points: keyPoints,
    ...(whole ? { keyphrases } : {}),
    ...(prompt.includes('"claims"') ? { claims } : {}),
  };
}
