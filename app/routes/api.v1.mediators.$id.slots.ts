import { slotsLoader } from "~/utils/slots-route.server";

export const loader = slotsLoader("mediator");
