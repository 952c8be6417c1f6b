import assert from "node:assert/strict";
import { namedInTitle } from "./named_in_file_name.ts";

const writeNames = (title: string) => namedInTitle(title).title;

Deno.test("namedInTitle() writes the people a title made from a file name names as names", () => {
  assert.equal(writeNames("Interview john smith"), "Interview John Smith");
  assert.equal(writeNames("Meeting notes anna karenina"), "Meeting notes Anna Karenina");
  assert.equal(
    writeNames("1950s – 1953 dwight d eisenhower r"),
    "1950s – 1953 Dwight D. Eisenhower",
  );
  // After a first name and an initial comes the surname, however common a word it is.
  assert.equal(writeNames("2003 george w bush"), "2003 George W. Bush");
  // After a year, a first name and the word after it are a name.
  assert.equal(writeNames("1990s – 1991 george bush r"), "1990s – 1991 George Bush");
});

Deno.test("namedInTitle() drops an archive's label after a name, not the name's own suffix", () => {
  assert.equal(writeNames("1823 james monroe dr"), "1823 James Monroe");
  assert.equal(writeNames("1972 richard nixon R"), "1972 Richard Nixon");
  // Between a year and a label, rare words are a name though none is a name compromise knows.
  assert.equal(writeNames("1850 millard fillmore W"), "1850 Millard Fillmore");
  assert.equal(writeNames("1850 zstd benchmarks"), "1850 zstd benchmarks");
  assert.equal(writeNames("Interview sammy davis jr"), "Interview Sammy Davis jr");
  // Words after the name are the title's.
  assert.equal(writeNames("Interview john smith part b"), "Interview John Smith part b");
  assert.equal(writeNames("Appendix B"), "Appendix B");
});

Deno.test("namedInTitle() gives the people it writes as names", () => {
  assert.deepEqual(namedInTitle("1953 dwight d eisenhower R").people, ["Dwight D. Eisenhower"]);
  assert.deepEqual(namedInTitle("Interview john smith and anna karenina").people, [
    "John Smith",
    "Anna Karenina",
  ]);
  assert.deepEqual(namedInTitle("Rose garden notes").people, []);
});

Deno.test("namedInTitle() leaves lone names and everyday words alone", () => {
  for (
    const title of [
      "Mark down syntax",
      "Rose garden notes",
      "Lecture 04 heidegger",
      "How to use grep and sed",
      "Revert a faulty merge",
    ]
  ) assert.equal(writeNames(title), title);
});
