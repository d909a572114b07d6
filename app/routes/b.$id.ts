// /b/:id: the short form of a booking's address that a text message has room for (one segment is 70
// characters); it only redirects, so the booking page still decides who may see what.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { idOr404 } from "~/utils/api.server";

export const loader = ({ params }: LoaderFunctionArgs) => redirect(`/bookings/${idOr404(params.id)}`);
