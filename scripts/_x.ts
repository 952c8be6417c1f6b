import { englishRank, GENERIC_RANK, NAME_RANK } from "../src/analyse/commonness.ts";
console.log({ GENERIC_RANK, NAME_RANK });
for (const w of ["using", "reference", "old", "new", "stuff", "programming", "testing", "cooking", "time", "world", "notes", "misc", "work", "personal", "history", "music", "recipes", "travel", "papers", "lectures", "guide", "manual", "tutorial", "library", "api", "howto", "faq", "setup", "install", "about", "general", "other", "drafts", "archive", "inbox"]) console.log(w, englishRank(w));
