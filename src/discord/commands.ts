/** The slash commands, built with discord.js builders (which validate names, lengths and option order). */
import {
  ApplicationCommandType,
  ChannelType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { MAX_QUESTION_CHARS } from '../answer/ask-input.js';

/** The engine refuses longer questions; Discord enforces the same bound in the client. */
const TOPIC_MAX = 200;

export const ASK = { name: 'ask', question: 'question', since: 'since', until: 'until' } as const;
/** `YYYY-MM-DD` and its shorter forms: the longest date /ask's since/until take. */
const DATE_OPTION_MAX = 10;
export const SUMMARY = { name: 'summary', article: 'article', topic: 'topic', corpus: 'corpus' } as const;
export const ARTICLES = { name: 'articles' } as const;
export const REINDEX = { name: 'reindex', rebuild: 'rebuild', permission: PermissionFlagsBits.ManageGuild } as const;
export const HELP = { name: 'help' } as const;
export const CHANNELS = { name: 'channels', add: 'add', remove: 'remove', list: 'list', channel: 'channel', permission: PermissionFlagsBits.ManageGuild } as const;
export const FEEDBACK = { name: 'feedback', report: 'report', days: 'days', permission: PermissionFlagsBits.ManageGuild } as const;
export const STATS = { name: 'stats', permission: PermissionFlagsBits.ManageGuild } as const;
export const SOURCE = { name: 'source', add: 'add', remove: 'remove', list: 'list', url: 'url', label: 'name', source: 'source', permission: PermissionFlagsBits.ManageGuild } as const;
/** A message context-menu command (right-click a message → Apps). Names of these may have spaces and capitals. */
export const FIND_SOURCES = { name: 'Find sources for this message' } as const;

export function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...slashCommands(), ...operatorCommands(), new ContextMenuCommandBuilder().setName(FIND_SOURCES.name).setType(ApplicationCommandType.Message).toJSON()];
}

/** Commands for those who run the server: hidden from members without Manage Server, and checked again on use. */
function operatorCommands(): RESTPostAPIApplicationCommandsJSONBody[] {
  const channelOption = (description: string) => (o: import('discord.js').SlashCommandChannelOption) =>
    o.setName(CHANNELS.channel).setDescription(description).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement);
  return [
    new SlashCommandBuilder()
      .setName(CHANNELS.name)
      .setDescription('Channels where every question is answered without a mention (Manage Server)')
      .setDefaultMemberPermissions(CHANNELS.permission)
      .setContexts(InteractionContextType.Guild)
      .addSubcommand((s) => s.setName(CHANNELS.add).setDescription('Make a channel an answer channel').addChannelOption(channelOption('The channel (default: this one)')))
      .addSubcommand((s) => s.setName(CHANNELS.remove).setDescription('Stop answering unmentioned questions in a channel').addChannelOption(channelOption('The channel (default: this one)')))
      .addSubcommand((s) => s.setName(CHANNELS.list).setDescription('List the answer channels')),
    new SlashCommandBuilder()
      .setName(FEEDBACK.name)
      .setDescription('What members asked and how they rated the answers (Manage Server)')
      .setDefaultMemberPermissions(FEEDBACK.permission)
      .setContexts(InteractionContextType.Guild)
      .addSubcommand((s) => s
        .setName(FEEDBACK.report)
        .setDescription('Most-asked unanswered questions and answers voted down')
        .addIntegerOption((o) => o.setName(FEEDBACK.days).setDescription('Only the last this many days (default: all)').setMinValue(1).setMaxValue(365))),
    new SlashCommandBuilder()
      .setName(SOURCE.name)
      .setDescription('The news feeds and pages the bot follows (Manage Server)')
      .setDefaultMemberPermissions(SOURCE.permission)
      .setContexts(InteractionContextType.Guild)
      .addSubcommand((s) => s
        .setName(SOURCE.add)
        .setDescription('Follow an RSS/Atom feed or an article page, and fetch it now')
        .addStringOption((o) => o.setName(SOURCE.url).setDescription('An https:// address, e.g. https://example.com/feed.xml').setRequired(true).setMaxLength(2000))
        .addStringOption((o) => o.setName(SOURCE.label).setDescription('A short name for the list (default: the site)').setMaxLength(60)))
      .addSubcommand((s) => s
        .setName(SOURCE.remove)
        .setDescription('Stop following a source; its articles leave the index')
        .addStringOption((o) => o.setName(SOURCE.source).setDescription('Start typing its name or address').setRequired(true).setAutocomplete(true)))
      .addSubcommand((s) => s.setName(SOURCE.list).setDescription('The followed sources and how their last refresh went')),
    new SlashCommandBuilder()
      .setName(STATS.name)
      .setDescription('Articles, index, embedder and answer rate (Manage Server)')
      .setDefaultMemberPermissions(STATS.permission)
      .setContexts(InteractionContextType.Guild),
  ].map((builder) => builder.toJSON());
}

function slashCommands(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [
    new SlashCommandBuilder()
      .setName(ASK.name)
      .setDescription('Ask a question; the answer quotes the articles verbatim, with sources')
      .addStringOption((o) => o.setName(ASK.question).setDescription('For example: What did Putin call Xi?').setRequired(true).setMaxLength(MAX_QUESTION_CHARS))
      .addStringOption((o) => o.setName(ASK.since).setDescription('Only news from this date on: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(DATE_OPTION_MAX))
      .addStringOption((o) => o.setName(ASK.until).setDescription('Only news up to this date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(DATE_OPTION_MAX)),
    new SlashCommandBuilder()
      .setName(SUMMARY.name)
      .setDescription('Summarise with verbatim sentences from the articles')
      .addSubcommand((s) => s
        .setName(SUMMARY.article)
        .setDescription('Summarise one article')
        .addStringOption((o) => o.setName(SUMMARY.article).setDescription('Start typing a title').setRequired(true).setAutocomplete(true)))
      .addSubcommand((s) => s
        .setName(SUMMARY.topic)
        .setDescription('Summarise what the articles say about a topic')
        .addStringOption((o) => o.setName(SUMMARY.topic).setDescription('A few words, e.g. the military parade').setRequired(true).setMaxLength(TOPIC_MAX)))
      .addSubcommand((s) => s.setName(SUMMARY.corpus).setDescription('The main stories across all articles')),
    new SlashCommandBuilder().setName(ARTICLES.name).setDescription('List the articles, a page at a time'),
    new SlashCommandBuilder()
      .setName(REINDEX.name)
      .setDescription('Re-read the articles folder and update the index (Manage Server)')
      .setDefaultMemberPermissions(REINDEX.permission)
      .addBooleanOption((o) => o.setName(REINDEX.rebuild).setDescription('Rebuild from scratch instead of updating')),
    new SlashCommandBuilder().setName(HELP.name).setDescription('How to ask, and what each command does'),
  ].map((builder) => builder.toJSON());
}
