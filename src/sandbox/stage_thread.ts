/**
 * @module
 * Entry of the production stage thread: the real pipeline behind the stage loop.
 */
import { warmUp } from "../analyse/analyse.ts";
import { runPipeline } from "../pipeline/pipeline.ts";
import { serveStages } from "./serve_stages.ts";

// Before the first task is taken: tasks wait in the port meanwhile, their budgets not started.
warmUp();
serveStages(runPipeline);
