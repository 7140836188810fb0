import { z } from 'zod';
import { RunButtonValue } from '../interactions.js';

/** The fields of a slash command QuantCoder reads. */
export const SlashCommandPayload = z.object({
  text: z.string().default(''),
  trigger_id: z.string().min(1),
  channel_id: z.string().min(1),
  user_id: z.string().min(1),
  team_id: z.string().optional(),
});
export type SlashCommandPayload = z.infer<typeof SlashCommandPayload>;

/** A `message` event, as much of it as deciding "is this a reply in one of our threads" needs. */
export const MessageEventPayload = z.object({
  type: z.literal('message'),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  user: z.string().optional(),
  text: z.string().optional(),
  channel: z.string().min(1),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  parent_user_id: z.string().optional(),
});
export type MessageEventPayload = z.infer<typeof MessageEventPayload>;

/** The Events API envelope around an event: its id is what Slack repeats when it retries. */
export const EventEnvelope = z.object({
  event_id: z.string().min(1),
  team_id: z.string().optional(),
});

const SlackUser = z.object({ id: z.string().min(1), team_id: z.string().optional() });
const SlackTeam = z.object({ id: z.string().min(1) }).nullish();

/** A block_actions payload: who clicked which button, and the trigger id a modal needs. */
export const BlockActionPayload = z.object({
  trigger_id: z.string().min(1),
  user: SlackUser,
  team: SlackTeam,
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});
export type BlockActionPayload = z.infer<typeof BlockActionPayload>;

/** One input's state in a submitted view: a text or number input's `value`, a datepicker's `selected_date`. */
const InputState = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
});

/** A view_submission payload: the view (its id, metadata and inputs) and who submitted it. */
export const ViewSubmissionPayload = z.object({
  user: SlackUser,
  team: SlackTeam,
  view: z.object({
    id: z.string().min(1),
    private_metadata: z.string().default(''),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), InputState)) }),
  }),
});
export type ViewSubmissionPayload = z.infer<typeof ViewSubmissionPayload>;
export type ViewValues = ViewSubmissionPayload['view']['state']['values'];

/** A summary button's value (or a modal's private_metadata): the run it acts on, or undefined when unreadable. */
export function readRunButtonValue(text: string | undefined): RunButtonValue | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = RunButtonValue.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The team a payload came from: the team object on most payloads, the user's team otherwise. */
export function teamOf(payload: {
  team?: { id: string } | null | undefined;
  user: { team_id?: string | undefined };
}) {
  return payload.team?.id ?? payload.user.team_id;
}
