/**
 * @module
 * A client for an OpenAI-compatible chat completions endpoint (Ollama, llama.cpp server, vLLM,
 * OpenAI...). Requests go through `ky`: retries with exponential backoff and full jitter on
 * timeouts, 429 and 5xx, honouring `Retry-After` when the server sends it, and a per-attempt
 * timeout. Every failure becomes an {@link LlmError} that says what happened; nothing falls back
 * silently.
 */
import ky, { HTTPError, TimeoutError } from "ky";
import { z } from "zod";
import { errorMessage } from "../common/errors.ts";
import { LLM_MAX_DELAY_MS, type LlmOptions } from "../protocol/messages.ts";

/** The model or its endpoint failed for this file. */
export class LlmError extends Error {
  override name = "LlmError";
}

export interface ChatMessage {
  role: "system" | "user";
  content: string;
}

/** Tokens and requests spent so far on one file. */
export interface Usage {
  requests: number;
  promptTokens: number;
  completionTokens: number;
}

/** What the endpoint must answer: validated before anything of it is used. */
const Completion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
  usage: z.object({
    prompt_tokens: z.number().int().nonnegative(),
    completion_tokens: z.number().int().nonnegative(),
  }).partial().optional(),
});

/** Statuses worth another attempt: the server is busy, overloaded or briefly failing. */
const RETRY_STATUS = [408, 429, 500, 502, 503, 504];

export class ChatClient {
  readonly #options: LlmOptions;
  readonly #http: typeof ky;
  readonly usage: Usage = { requests: 0, promptTokens: 0, completionTokens: 0 };

  constructor(options: LlmOptions, signal?: AbortSignal) {
    this.#options = options;
    this.#http = ky.create({
      prefix: options.url.replace(/\/*$/, "/"),
      timeout: options.timeoutMs,
      signal,
      headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
      retry: {
        limit: options.retries,
        methods: ["post"],
        statusCodes: RETRY_STATUS,
        afterStatusCodes: [429, 500, 502, 503, 504],
        maxRetryAfter: LLM_MAX_DELAY_MS,
        backoffLimit: LLM_MAX_DELAY_MS,
        delay: (attempt) => options.retryDelayMs * 2 ** (attempt - 1),
        jitter: true,
        retryOnTimeout: true,
      },
    });
  }

  /** Sends a chat and returns the model's answer as JSON (the model is asked for JSON). */
  async json(messages: ChatMessage[]): Promise<unknown> {
    const text = await this.#complete(messages);
    const body = text.trim().replace(/^```(?:json)?\s*\n?|\n?```$/g, "");
    try {
      return JSON.parse(body);
    } catch {
      throw new LlmError(
        `the model's answer is not valid JSON: ${JSON.stringify(body.slice(0, 120))}`,
      );
    }
  }

  async #complete(messages: ChatMessage[]): Promise<string> {
    let raw: unknown;
    this.usage.requests++;
    try {
      raw = await this.#http.post("chat/completions", {
        json: {
          model: this.#options.model,
          messages,
          temperature: 0,
          response_format: { type: "json_object" },
        },
      }).json();
    } catch (error) {
      throw describe(error, this.#options);
    }
    const parsed = Completion.safeParse(raw);
    if (!parsed.success) {
      throw new LlmError(
        `the endpoint's answer is not a chat completion: ${z.prettifyError(parsed.error)}`,
      );
    }
    const usage = parsed.data.usage;
    this.usage.promptTokens += usage?.prompt_tokens ?? 0;
    this.usage.completionTokens += usage?.completion_tokens ?? 0;
    const content = parsed.data.choices[0].message.content;
    if (!content) throw new LlmError("the model gave an empty answer");
    return content;
  }
}

function describe(error: unknown, options: LlmOptions): LlmError {
  const where = `${options.url} (model ${options.model})`;
  if (error instanceof LlmError) return error;
  const cause = { cause: error };
  if (error instanceof HTTPError) {
    const tries = options.retries + 1;
    const said = serverMessage(error.data);
    return new LlmError(
      `the language model endpoint ${where} answered HTTP ${error.response.status}` +
        (RETRY_STATUS.includes(error.response.status) ? ` after ${tries} attempts` : "") +
        (said ? `: ${said}` : ""),
      cause,
    );
  }
  if (error instanceof TimeoutError) {
    return new LlmError(
      `the language model endpoint ${where} did not answer within ` +
        `${options.timeoutMs / 1000} s (${options.retries + 1} attempts); ` +
        "a slow model may need a longer --llm-timeout",
      cause,
    );
  }
  if (error instanceof SyntaxError) {
    return new LlmError(`the language model endpoint ${where} sent a body that is not JSON`, cause);
  }
  const message = errorMessage(error);
  return new LlmError(
    `cannot reach the language model endpoint ${where} (check --llm-url): ${message}`,
    cause,
  );
}

/** What the server said went wrong: OpenAI-style `{error: {message}}`, or a short text. */
function serverMessage(data: unknown): string | undefined {
  const found = typeof data === "string"
    ? data
    : (data as { error?: { message?: unknown } | string } | undefined)?.error;
  const text = typeof found === "string"
    ? found
    : typeof found?.message === "string"
    ? found.message
    : undefined;
  return text?.replace(/\s+/g, " ").trim().slice(0, 200) || undefined;
}
