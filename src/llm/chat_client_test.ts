import assert from "node:assert/strict";
import {
  completion,
  type FakeLlm,
  type FakeLlmOptions,
  startFakeLlm,
} from "../../tests/support/fake_llm.ts";
import type { LlmOptions } from "../protocol/messages.ts";
import { ChatClient, type ChatMessage, LlmError } from "./chat_client.ts";

const MESSAGES: ChatMessage[] = [
  { role: "system", content: "Answer in JSON." },
  { role: "user", content: 'Summarise:\n"""\nA short text.\n"""' },
];

const JSON_HEADERS = { "content-type": "application/json" };
const OK = { body: completion('{"summary":"fine"}', { prompt_tokens: 12, completion_tokens: 3 }) };

/** Runs `fn` against a fake endpoint, always closing it. */
async function withServer(
  fake: FakeLlmOptions,
  fn: (server: FakeLlm, options: LlmOptions) => Promise<void>,
): Promise<void> {
  const server = startFakeLlm(fake);
  try {
    await fn(server, {
      url: server.url,
      model: "test-model",
      timeoutMs: 5_000,
      retries: 2,
      retryDelayMs: 0,
    });
  } finally {
    await server.close();
  }
}

/** The LlmError `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof LlmError, `expected an LlmError, got ${error}`);
  assert.equal(error.name, "LlmError");
  return error;
}

Deno.test("ChatClient.json() posts the chat and parses the model's JSON answer", async () => {
  await withServer({ script: [OK] }, async (server, options) => {
    const client = new ChatClient(options);
    assert.deepEqual(await client.json(MESSAGES), { summary: "fine" });
    assert.deepEqual(client.usage, { requests: 1, promptTokens: 12, completionTokens: 3 });

    assert.equal(server.requests.length, 1);
    const [request] = server.requests;
    assert.equal(request.method, "POST");
    assert.equal(request.path, "/v1/chat/completions");
    assert.deepEqual(request.body, {
      model: "test-model",
      messages: MESSAGES,
      temperature: 0,
      response_format: { type: "json_object" },
    });
    assert.equal(request.headers.get("authorization"), null);
  });
});

Deno.test("ChatClient sends the API key as a bearer token", async () => {
  await withServer({ script: [OK] }, async (server, options) => {
    await new ChatClient({ ...options, apiKey: "sk-test-123" }).json(MESSAGES);
    assert.equal(server.requests[0].headers.get("authorization"), "Bearer sk-test-123");
  });
});

Deno.test("ChatClient accumulates usage over requests and reads a fenced answer", async () => {
  const fenced = completion('```json\n{"n": 2}\n```', { prompt_tokens: 7, completion_tokens: 4 });
  await withServer({ script: [OK, { body: fenced }] }, async (_server, options) => {
    const client = new ChatClient(options);
    await client.json(MESSAGES);
    assert.deepEqual(await client.json(MESSAGES), { n: 2 });
    assert.deepEqual(client.usage, { requests: 2, promptTokens: 19, completionTokens: 7 });
  });
});

Deno.test("ChatClient waits as long as Retry-After says after a 429, then succeeds", async () => {
  const limited = { status: 429, headers: { "retry-after": "1" }, body: "slow down" };
  await withServer({ script: [limited, OK] }, async (server, options) => {
    // A long own backoff would hide whether Retry-After was used: keep it at zero.
    const client = new ChatClient({ ...options, retryDelayMs: 0 });
    assert.deepEqual(await client.json(MESSAGES), { summary: "fine" });
    assert.equal(server.requests.length, 2);
    const waited = server.requests[1].at - server.requests[0].at;
    assert.ok(waited >= 1000, `the retry came ${waited} ms after the 429`);
  });
});

Deno.test("ChatClient retries 5xx answers and succeeds on the third attempt", async () => {
  const error = { status: 500, body: "internal error" };
  await withServer({ script: [error, error, OK] }, async (server, options) => {
    const client = new ChatClient({ ...options, retryDelayMs: 10 });
    assert.deepEqual(await client.json(MESSAGES), { summary: "fine" });
    assert.equal(server.requests.length, 3);
    assert.deepEqual(client.usage, { requests: 1, promptTokens: 12, completionTokens: 3 });
  });
});

Deno.test("ChatClient retries a 408 but not a 501", async () => {
  await withServer({ script: [{ status: 408 }, OK] }, async (server, options) => {
    assert.deepEqual(await new ChatClient(options).json(MESSAGES), { summary: "fine" });
    assert.equal(server.requests.length, 2);
  });
  await withServer({ then: { status: 501 } }, async (server, options) => {
    const error = await failure(new ChatClient(options).json(MESSAGES));
    assert.equal(server.requests.length, 1);
    assert.equal(
      error.message,
      `the language model endpoint ${server.url} (model test-model) answered HTTP 501`,
    );
  });
});

Deno.test("ChatClient gives up on a persistent 503 after retries + 1 attempts", async () => {
  await withServer({ then: { status: 503, body: "overloaded" } }, async (server, options) => {
    const error = await failure(new ChatClient({ ...options, retries: 3 }).json(MESSAGES));
    assert.equal(server.requests.length, 4);
    assert.equal(
      error.message,
      `the language model endpoint ${server.url} (model test-model) answered HTTP 503 after 4 attempts`,
    );
  });
});

Deno.test("ChatClient gives up on an endpoint that never answers after retries + 1 timeouts", async () => {
  await withServer({ then: { hang: true } }, async (server, options) => {
    const client = new ChatClient({ ...options, timeoutMs: 200, retries: 2, retryDelayMs: 10 });
    const error = await failure(client.json(MESSAGES));
    assert.equal(server.requests.length, 3);
    assert.equal(
      error.message,
      `the language model endpoint ${server.url} (model test-model) did not answer within ` +
        "0.2 s (3 attempts); a slow model may need a longer --llm-timeout",
    );
  });
});

Deno.test("ChatClient does not retry a 400, and says what the server said", async () => {
  const bad = { status: 400, headers: JSON_HEADERS, body: '{"error":"bad request"}' };
  await withServer({ then: bad }, async (server, options) => {
    const error = await failure(new ChatClient(options).json(MESSAGES));
    assert.equal(server.requests.length, 1);
    assert.equal(
      error.message,
      `the language model endpoint ${server.url} (model test-model) answered HTTP 400: bad request`,
    );
  });
});

Deno.test("ChatClient says which endpoint it cannot reach", async () => {
  // A port that was just free: nothing listens there any more.
  const server = startFakeLlm();
  const url = server.url;
  await server.close();
  const client = new ChatClient({ url, model: "m", timeoutMs: 2_000, retries: 1, retryDelayMs: 0 });
  const error = await failure(client.json(MESSAGES));
  assert.match(
    error.message,
    /^cannot reach the language model endpoint http:\/\/127\.0\.0\.1:\d+\/v1 \(model m\) \(check --llm-url\): /,
  );
});

for (
  const [what, reply, message] of [
    [
      "a body that is not JSON",
      { body: "<html>gateway</html>", headers: { "content-type": "text/html" } },
      /^the language model endpoint \S+ \(model test-model\) sent a body that is not JSON$/,
    ],
    [
      "JSON that is not a chat completion",
      { body: '{"answer":"42"}' },
      /^the endpoint's answer is not a chat completion: .*choices/s,
    ],
    [
      "an answer that is not JSON",
      { body: completion("Sure! The summary is: it is fine.") },
      /^the model's answer is not valid JSON: "Sure! The summary is: it is fine\."$/,
    ],
    ["an empty answer", { body: completion("") }, /^the model gave an empty answer$/],
    ["a null answer", { body: completion(null) }, /^the model gave an empty answer$/],
  ] as const
) {
  Deno.test(`ChatClient rejects ${what} with its own message, without retrying`, async () => {
    await withServer({ then: reply }, async (server, options) => {
      const error = await failure(new ChatClient(options).json(MESSAGES));
      assert.match(error.message, message);
      assert.equal(server.requests.length, 1);
    });
  });
}

Deno.test("ChatClient passes on an OpenAI-style error message", async () => {
  const missing = {
    status: 404,
    headers: JSON_HEADERS,
    body: '{"error":{"message":"model \\"x\\" not found, try pulling it first"}}',
  };
  await withServer({ then: missing }, async (server, options) => {
    const error = await failure(new ChatClient(options).json(MESSAGES));
    assert.equal(server.requests.length, 1);
    assert.match(error.message, /answered HTTP 404: model "x" not found, try pulling it first$/);
    assert.ok(error.cause, "the HTTP error is kept as the cause");
  });
});
