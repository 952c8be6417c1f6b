import assert from "node:assert/strict";
import { parseFrontmatter } from "./frontmatter.ts";

Deno.test("parseFrontmatter() returns the properties and the text after the block", () => {
  const result = parseFrontmatter("---\ntitle: Hello\ntags: [a, b]\n---\nBody\n");
  assert.deepEqual(result, { data: { title: "Hello", tags: ["a", "b"] }, body: "Body\n" });
});

Deno.test("parseFrontmatter() accepts CRLF, a BOM and a closing ... line", () => {
  assert.deepEqual(parseFrontmatter("---\r\ntitle: A\r\n---\r\nBody"), {
    data: { title: "A" },
    body: "Body",
  });
  assert.deepEqual(parseFrontmatter("\uFEFF---\ntitle: B\n---\n"), {
    data: { title: "B" },
    body: "",
  });
  assert.deepEqual(parseFrontmatter("---\ntitle: C\n...\nBody"), {
    data: { title: "C" },
    body: "Body",
  });
  assert.deepEqual(parseFrontmatter("---\ntitle: D\n---"), { data: { title: "D" }, body: "" });
});

Deno.test("parseFrontmatter() reads an empty block as no properties", () => {
  assert.deepEqual(parseFrontmatter("---\n---\nBody"), { data: {}, body: "Body" });
});

Deno.test("parseFrontmatter() gives the whole text back when there is no block", () => {
  for (const text of ["Just text\n", "", "--- \nno closing line\n", "text\n---\na: 1\n---\n"]) {
    assert.deepEqual(parseFrontmatter(text), { data: null, body: text });
  }
});

Deno.test("parseFrontmatter() reports invalid YAML and keeps the whole text as body", () => {
  const text = "---\ntitle: a: b\n---\nBody\n";
  const result = parseFrontmatter(text);
  assert.equal(result.data, null);
  assert.equal(result.body, text);
  assert.match(result.error ?? "", /^invalid YAML in frontmatter: /);
  assert.ok(!result.error?.includes("\n"));
});

Deno.test("parseFrontmatter() rejects YAML that is a list or a string", () => {
  for (const text of ["---\n- a\n- b\n---\nBody", "---\njust a string\n---\nBody"]) {
    const result = parseFrontmatter(text);
    assert.equal(result.data, null);
    assert.equal(result.body, text);
    assert.match(result.error ?? "", /^frontmatter is not a YAML mapping: found a /);
  }
});

Deno.test("parseFrontmatter() reads dates and unknown tags as plain strings", () => {
  const { data } = parseFrontmatter(
    "---\ndate: 2024-01-01\nfn: !!js/function 'x'\nt: !foo bar\n---\n",
  );
  assert.deepEqual(data, { date: "2024-01-01", fn: "x", t: "bar" });
});

Deno.test("parseFrontmatter() does not let a __proto__ key pollute objects", () => {
  const { data } = parseFrontmatter("---\n__proto__: {polluted: true}\n---\n");
  assert.ok(data);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(data), Object.prototype);
});

Deno.test("parseFrontmatter() rejects a billion-laughs alias bomb", () => {
  const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(10).fill("*" + prev).join(", ")}]`);
  }
  const result = parseFrontmatter(`---\n${lines.join("\n")}\n---\n`);
  assert.equal(result.data, null);
  assert.ok(result.error);
});
