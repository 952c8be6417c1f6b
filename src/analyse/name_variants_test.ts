import assert from "node:assert/strict";
import { canonicalNames } from "./name_variants.ts";

Deno.test("canonicalNames() shows one person named differently in different notes once", () => {
  const names = canonicalNames(
    new Map([
      ["Roosevelt", 3],
      ["Franklin Roosevelt", 1],
      ["Franklin Delano Roosevelt", 2],
      ["Jeff Dean", 1],
      ["Jeffrey Dean", 1],
      ["Ada Lovelace", 1],
    ]),
  );
  assert.equal(names.get("Roosevelt"), "Franklin Delano Roosevelt");
  assert.equal(names.get("Franklin Roosevelt"), "Franklin Delano Roosevelt");
  assert.equal(names.get("Jeff Dean"), "Jeffrey Dean");
  assert.equal(names.get("Ada Lovelace"), "Ada Lovelace");
});

Deno.test("canonicalNames() leaves a surname two full names end with", () => {
  const names = canonicalNames(
    new Map([["Kennedy", 2], ["John F. Kennedy", 1], ["Robert Kennedy", 1]]),
  );
  assert.equal(names.get("Kennedy"), "Kennedy");
  assert.equal(names.get("Robert Kennedy"), "Robert Kennedy");
});

Deno.test("canonicalNames() takes a word alone for the one name it ends before one it opens", () => {
  const names = canonicalNames(
    new Map([["Franklin", 2], ["Benjamin Franklin", 2], ["Franklin Roosevelt", 2]]),
  );
  assert.equal(names.get("Franklin"), "Benjamin Franklin");
  assert.equal(names.get("Franklin Roosevelt"), "Franklin Roosevelt");
});

Deno.test("canonicalNames() takes a surname alone for a full name only one other note gives", () => {
  const names = canonicalNames(
    new Map([["Fisher", 1], ["Brandon Fisher", 1], ["Biden", 2], ["Jill Biden", 1]]),
  );
  assert.equal(names.get("Fisher"), "Fisher");
  assert.equal(names.get("Biden"), "Biden");
  assert.equal(names.get("Brandon Fisher"), "Brandon Fisher");
});

Deno.test("canonicalNames() takes a name cut short for the one longer name it opens or ends", () => {
  const names = canonicalNames(
    new Map([["Vikash Kumar", 1], ["Vikash Kumar Karn", 1], ["A. Okonkwo", 1], [
      "Jay A. Okonkwo",
      1,
    ]]),
  );
  assert.equal(names.get("Vikash Kumar"), "Vikash Kumar Karn");
  assert.equal(names.get("A. Okonkwo"), "Jay A. Okonkwo");
});

Deno.test("canonicalNames() keeps apart two names it is told are two people", () => {
  const named = new Map([["George Bush", 1], ["George W. Bush", 1], ["Franklin D. Roosevelt", 1], [
    "Franklin Delano Roosevelt",
    2,
  ]]);
  const names = canonicalNames(
    named,
    new Set(["George Bush", "George W. Bush", "Franklin D. Roosevelt"]),
  );
  assert.equal(names.get("George Bush"), "George Bush");
  assert.equal(names.get("George W. Bush"), "George W. Bush");
  // One of them told apart, the other not: the fuller name stands for both.
  assert.equal(names.get("Franklin D. Roosevelt"), "Franklin Delano Roosevelt");
  assert.equal(canonicalNames(named).get("George Bush"), "George W. Bush");
});

Deno.test("canonicalNames() takes a surname cut short for the whole one", () => {
  // "Koutso os": a PDF that lost the ligature of "Koutsofios".
  const names = canonicalNames(
    new Map([
      ["Eleftherios Koutso", 2],
      ["Eleftherios Koutsofios", 1],
      ["Ada Smith", 1],
      ["Ada Smithson", 1],
    ]),
  );
  assert.equal(names.get("Eleftherios Koutso"), "Eleftherios Koutsofios");
  // A surname of five letters is too short to tell.
  assert.equal(names.get("Ada Smith"), "Ada Smith");
});
