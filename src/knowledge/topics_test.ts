import assert from "node:assert/strict";
import { clusterTopics, type TaggedNote, topicLimit, topicName } from "./topics.ts";

const note = (id: number, ...tags: string[]): TaggedNote => ({ id, tags });

Deno.test("topicLimit() allows 8 topics for a small vault, growing to 60", () => {
  assert.equal(topicLimit(0), 8);
  assert.equal(topicLimit(10), 8);
  assert.equal(topicLimit(100), 20);
  assert.equal(topicLimit(400), 40);
  assert.equal(topicLimit(100_000), 60);
});

Deno.test("topicName() titles the last part of a tag with spaces between words", () => {
  assert.equal(topicName("machine-learning"), "Machine learning");
  assert.equal(topicName("enzyme/analytical-enzyme"), "Analytical enzyme");
  assert.equal(topicName("tidal_power"), "Tidal power");
  assert.equal(topicName("a--b__c"), "A b c");
  assert.equal(topicName("électricité"), "Électricité");
  assert.equal(topicName("東京"), "東京");
  assert.equal(topicName("3d-printing"), "3d printing");
});

Deno.test("clusterTopics() finds no topics among no notes", () => {
  assert.deepEqual(clusterTopics([]), { topics: [], other: [] });
});

Deno.test("clusterTopics() makes a topic of a tag that two notes share, not one", () => {
  const topics = clusterTopics([note(1, "enzyme", "steam"), note(2, "enzyme"), note(3, "brioche")]);
  assert.deepEqual(topics, { topics: [{ tag: "enzyme", members: [1, 2] }], other: [3] });
});

Deno.test("clusterTopics() puts a note in every topic it carries", () => {
  const topics = clusterTopics([
    note(1, "enzyme", "railway"),
    note(2, "enzyme"),
    note(3, "railway"),
    note(4, "enzyme", "railway", "brioche"),
  ]);
  assert.deepEqual(topics, {
    topics: [{ tag: "enzyme", members: [1, 2, 4] }, { tag: "railway", members: [1, 3, 4] }],
    other: [],
  });
});

Deno.test("clusterTopics() counts a nested tag for its parent too", () => {
  const topics = clusterTopics([
    note(1, "enzyme/analytical-enzyme"),
    note(2, "enzyme/steam-enzyme"),
    note(3, "enzyme/steam-enzyme"),
    note(4, "brioche"),
  ]);
  assert.deepEqual(topics, {
    topics: [
      { tag: "enzyme", members: [1, 2, 3] },
      { tag: "enzyme/steam-enzyme", members: [2, 3] },
    ],
    other: [4],
  });
});

Deno.test("clusterTopics() skips a topic whose notes are nearly those of a bigger one", () => {
  const notes = [1, 2, 3, 4, 5].map((id) => note(id, "enzyme", "enzymes"));
  notes.push(note(6, "enzyme"), note(7, "brioche"), note(8, "brioche"));
  const topics = clusterTopics(notes);
  // "enzymes" has 5 of the 6 notes of "enzyme", all of them in it: a near duplicate.
  assert.deepEqual(topics.topics.map((t) => t.tag), ["brioche", "enzyme"]);
});

Deno.test("clusterTopics() skips a nested tag that covers the same notes as its parent", () => {
  const topics = clusterTopics([
    note(1, "enzyme/analytical-enzyme"),
    note(2, "enzyme/analytical-enzyme"),
  ]);
  assert.deepEqual(topics, { topics: [{ tag: "enzyme", members: [1, 2] }], other: [] });
});

Deno.test("clusterTopics() keeps a small topic inside a big one", () => {
  const notes = Array.from({ length: 10 }, (_, i) => note(i + 1, "enzyme"));
  notes[0].tags.push("boiler");
  notes[1].tags.push("boiler");
  const topics = clusterTopics(notes);
  assert.deepEqual(topics.topics, [
    { tag: "boiler", members: [1, 2] },
    { tag: "enzyme", members: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  ]);
});

Deno.test("clusterTopics() keeps the topics that cover the most notes, up to the limit", () => {
  const notes: TaggedNote[] = [];
  let id = 0;
  // Tag "t<k>" on k + 2 notes of its own.
  for (let k = 0; k < 12; k++) for (let i = 0; i < k + 2; i++) notes.push(note(++id, `t${k}`));
  const topics = clusterTopics(notes, 3);
  assert.deepEqual(topics.topics.map((t) => t.tag), ["t10", "t11", "t9"]);
  assert.equal(topics.other.length, notes.length - (11 + 12 + 13));
});

Deno.test("clusterTopics() keeps at most topicLimit() topics by default", () => {
  // 30 tags on two notes each: 60 notes, room for 15 topics.
  const notes = Array.from({ length: 60 }, (_, i) => note(i, `t${Math.floor(i / 2)}`));
  assert.equal(topicLimit(60), 15);
  const topics = clusterTopics(notes);
  assert.equal(topics.topics.length, 15);
  assert.equal(topics.other.length, 30);
});

Deno.test("clusterTopics() breaks ties in size by tag name", () => {
  const notes = [note(1, "zqb", "zqc", "zqa"), note(2, "zqc"), note(3, "zqb"), note(4, "zqa")];
  for (let i = 5; i < 11; i++) notes.push(note(i, `x${i}`));
  assert.deepEqual(clusterTopics(notes, 2).topics.map((t) => t.tag), ["zqa", "zqb"]);
});

Deno.test("clusterTopics() sends notes in no topic to `other`, in id order", () => {
  const topics = clusterTopics([
    note(9),
    note(3, "enzyme"),
    note(7, "enzyme"),
    note(1, "lonely"),
  ]);
  assert.deepEqual(topics.other, [1, 9]);
});

Deno.test("clusterTopics() gives the same topics for the notes in any order", () => {
  const notes = [
    note(5, "enzyme/steam-enzyme", "railway"),
    note(2, "enzyme"),
    note(8, "railway", "brioche"),
    note(1, "brioche"),
    note(4, "enzyme/steam-enzyme"),
    note(3),
  ];
  const forward = clusterTopics(notes);
  assert.deepEqual(clusterTopics(notes.toReversed()), forward);
  assert.deepEqual(forward.topics.map((t) => t.tag), [
    "brioche",
    "enzyme",
    "enzyme/steam-enzyme",
    "railway",
  ]);
  for (const topic of forward.topics) {
    assert.deepEqual(topic.members, topic.members.toSorted((a, b) => a - b));
  }
});

Deno.test("clusterTopics() counts a note once for a tag it carries twice", () => {
  const topics = clusterTopics([note(1, "enzyme", "enzyme"), note(2, "brioche")]);
  assert.deepEqual(topics, { topics: [], other: [1, 2] });
});
