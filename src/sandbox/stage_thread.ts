/**
 * @module
 * Entry of the production stage thread: the real pipeline behind the stage loop.
 */
import { runPipeline } from "../pipeline/pipeline.ts";
import { serveStages } from "./serve_stages.ts";

serveStages(runPipeline);
