// The shared engine contract against the embedded (in-process) engine.
import { EmbeddedEngine } from "../../search/embedded";
import { describeEngineContract } from "./engine-contract";

describeEngineContract("embedded", async () => new EmbeddedEngine());
