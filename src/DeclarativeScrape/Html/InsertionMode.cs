namespace DeclarativeScrape;

/// <summary>The insertion modes of HTML tree construction that <see cref="PageTreeBuilder"/> models.</summary>
internal enum InsertionMode
{
    Initial,
    BeforeHtml,
    BeforeHead,
    InHead,
    InHeadNoScript,
    AfterHead,
    InBody,
    Text,
    InTable,
    InCaption,
    InColumnGroup,
    InTableBody,
    InRow,
    InCell,
    InSelect,
    InSelectInTable,
    AfterBody,
    AfterAfterBody,
}
