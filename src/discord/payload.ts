/** The one message shape every renderer returns; sent as a reply, an interaction reply or an edit. */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type MessageMentionOptions,
} from 'discord.js';

/** Quotes may contain mentions; whatever slips through escaping still pings no one. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

export interface Reply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowedMentions: MessageMentionOptions;
}

export function reply(parts: Partial<Omit<Reply, 'allowedMentions'>>): Reply {
  return { embeds: [], components: [], ...parts, allowedMentions: NO_MENTIONS };
}

export interface ButtonSpec {
  customId: string;
  label: string;
  style?: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;
  emoji?: string;
  disabled?: boolean;
}

export function buttonRow(buttons: ButtonSpec[]): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return {
    type: ComponentType.ActionRow,
    components: buttons.map((spec) => ({
      type: ComponentType.Button,
      custom_id: spec.customId,
      label: spec.label,
      style: spec.style ?? ButtonStyle.Secondary,
      disabled: spec.disabled ?? false,
      ...(spec.emoji === undefined ? {} : { emoji: { name: spec.emoji } }),
    })),
  };
}
