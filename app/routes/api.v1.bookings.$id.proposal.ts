import { answerProposal } from "~/models/booking-actions.server";
import { proposalAnswerSchema } from "~/models/booking-proposal-schemas";
import { bookingVerb } from "~/utils/booking-route.server";

export const { loader, action } = bookingVerb(["party"], proposalAnswerSchema, ({ user, id, body, now }) =>
  answerProposal({ user, id, accept: body.accept, now }),
);
