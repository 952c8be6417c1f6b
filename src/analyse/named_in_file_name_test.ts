import assert from "node:assert/strict";
import { capitaliseNames } from "./named_in_file_name.ts";

Deno.test("capitaliseNames() capitalises the people a title made from a file name names", () => {
  assert.equal(capitaliseNames("Interview john smith"), "Interview John Smith");
  assert.equal(capitaliseNames("Meeting notes anna karenina"), "Meeting notes Anna Karenina");
  assert.equal(
    capitaliseNames("1950s – 1953 dwight d eisenhower r"),
    "1950s – 1953 Dwight D Eisenhower r",
  );
  // After a first name and an initial comes the surname, however common a word it is.
  assert.equal(capitaliseNames("2003 george w bush"), "2003 George W Bush");
  // After a year, a first name and the word after it are a name.
  assert.equal(capitaliseNames("1990s – 1991 george bush r"), "1990s – 1991 George Bush r");
});

Deno.test("capitaliseNames() leaves lone names and everyday words alone", () => {
  for (
    const title of [
      "Mark down syntax",
      "Rose garden notes",
      "Lecture 04 heidegger",
      "How to use grep and sed",
      "Revert a faulty merge",
    ]
  ) assert.equal(capitaliseNames(title), title);
});
