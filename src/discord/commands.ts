/** The slash commands, built with discord.js builders (which validate names, lengths and option order). */
import { PermissionFlagsBits, SlashCommandBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

/** The engine refuses longer questions; Discord enforces the same bound in the client. */
const QUESTION_MAX = 500;
const TOPIC_MAX = 200;

export const ASK = { name: 'ask', question: 'question' } as const;
export const SUMMARY = { name: 'summary', article: 'article', topic: 'topic', corpus: 'corpus' } as const;
export const ARTICLES = { name: 'articles' } as const;
export const REINDEX = { name: 'reindex', rebuild: 'rebuild', permission: PermissionFlagsBits.ManageGuild } as const;
export const HELP = { name: 'help' } as const;

export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [
    new SlashCommandBuilder()
      .setName(ASK.name)
      .setDescription('Ask a question; the answer quotes the articles verbatim, with sources')
      .addStringOption((o) => o.setName(ASK.question).setDescription('For example: What did Putin call Xi?').setRequired(true).setMaxLength(QUESTION_MAX)),
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
