using static DeclarativeScrape.HtmlNames;

namespace DeclarativeScrape;

/// <summary>
/// HTML tree construction for the compact parser, as AngleSharp 1.10's <c>HtmlDomBuilder</c> does it for the cases it
/// models: every insertion mode of a document without frames, templates or foreign content, the implied elements and
/// end tags, scopes, the list of active formatting elements and its reconstruction, tables whose content is in cells,
/// and selects of options. What it does not model — what would move a node anywhere but the end of the document
/// (foster parenting, the adoption agency with a furthest block) or what AngleSharp decides from outside the tree
/// (frames, templates, SVG and MathML, merging attributes into <c>&lt;html&gt;</c>/<c>&lt;body&gt;</c>) — stops the
/// build with a <see cref="TreeFallback"/>, and the page is parsed again by AngleSharp.
/// </summary>
/// <remarks>
/// The structure follows AngleSharp's builder method for method (its own deviations from the standard included: its
/// "special" elements, <c>&lt;/td&gt;</c> without a scope check, the insertion mode reset), because its tree, not the
/// standard's, is what the extraction must equal. Each element is appended to the current node, so the tree is built
/// in document order (<see cref="PageTree.CanAppendTo"/> checks it where AngleSharp could insert elsewhere).
/// </remarks>
internal sealed class PageTreeBuilder
{
    private const int Marker = -1;

    private readonly PageTokenizer _tokenizer;
    private readonly PageTree _tree;
    private int[] _open = new int[64];
    private int _openCount;
    private int[] _formatting = new int[16];
    private int _formattingCount;
    private InsertionMode _mode;
    private InsertionMode _previousMode;
    private int _head;
    private int _form;
    private DoctypeQuirks _quirks;
    private bool _ended;
    private int _typeAttribute;

    public PageTreeBuilder(PageTokenizer tokenizer, PageTree tree)
    {
        _tokenizer = tokenizer;
        _tree = tree;
    }

    /// <summary>Why the build stopped, or <see cref="TreeFallback.None"/>.</summary>
    public TreeFallback Fallback { get; private set; }

    private bool Failed => Fallback != TreeFallback.None;

    private int CurrentNode => _openCount > 0 ? _open[_openCount - 1] : PageTree.DocumentNode;

    private int CurrentName => _openCount > 0 ? _tree[_open[_openCount - 1]].Name : PageTree.DocumentName;

    /// <summary>Builds the tree of the tokenizer's text; false (with <see cref="Fallback"/>) when it cannot be built here.</summary>
    public bool Build()
    {
        _tree.Reset();
        _openCount = 0;
        _formattingCount = 0;
        _mode = InsertionMode.Initial;
        _previousMode = InsertionMode.Initial;
        _head = -1;
        _form = -1;
        _quirks = DoctypeQuirks.Off;
        _ended = false;
        _typeAttribute = _tree.Names.GetId("type");
        Fallback = TreeFallback.None;
        while (!_ended && !Failed)
        {
            var kind = _tokenizer.Next();
            if (_tokenizer.Fallback != TreeFallback.None)
            {
                Fail(_tokenizer.Fallback);
                break;
            }

            Dispatch(_mode, kind);
        }

        if (Failed)
        {
            return false;
        }

        _tree.Complete();
        return true;
    }

    private void Fail(TreeFallback reason)
    {
        if (!Failed)
        {
            Fallback = reason;
        }
    }

    // AngleSharp's Home: the token read last, in the given mode.
    private void Dispatch(InsertionMode mode, TokenKind kind)
    {
        switch (kind)
        {
            case TokenKind.Character:
                Characters(mode, _tokenizer.Text);
                break;
            case TokenKind.StartTag:
                StartTag(mode, new Tag(_tokenizer.TagName, FromToken: true));
                break;
            case TokenKind.EndTag:
                EndTag(mode, _tokenizer.TagName);
                break;
            case TokenKind.Doctype:
                if (mode == InsertionMode.Initial)
                {
                    _quirks = _tokenizer.Quirks;
                    _mode = InsertionMode.BeforeHtml;
                }

                break;
            case TokenKind.EndOfFile:
                EndOfFile(mode);
                break;
            case TokenKind.Comment:
                Comment(mode);
                break;
        }
    }

    // AngleSharp keeps a comment node (without its text, comments being skipped) where the standard inserts the
    // comment: it shows in serialized markup and splits text nodes.
    private void Comment(InsertionMode mode)
    {
        if (Failed)
        {
            return;
        }

        var parent = mode switch
        {
            InsertionMode.Initial or InsertionMode.BeforeHtml or InsertionMode.AfterAfterBody => PageTree.DocumentNode,
            InsertionMode.AfterBody => _openCount > 0 ? _open[0] : PageTree.DocumentNode,
            _ => CurrentNode,
        };
        if (!_tree.CanAppendTo(parent))
        {
            Fail(TreeFallback.DocumentOrder);
            return;
        }

        _tree.AddComment(parent);
    }

    private void Characters(InsertionMode mode, ReadOnlySpan<char> text)
    {
        if (Failed)
        {
            return;
        }

        switch (mode)
        {
            case InsertionMode.Initial:
            case InsertionMode.BeforeHtml:
            case InsertionMode.BeforeHead:
                text = text.TrimStart(Spaces);
                if (text.IsEmpty)
                {
                    return;
                }

                AnythingElse(mode, text);
                return;
            case InsertionMode.InHead:
            case InsertionMode.InHeadNoScript:
            case InsertionMode.AfterHead:
            case InsertionMode.InColumnGroup:
            {
                var rest = text.TrimStart(Spaces);
                AddCharacters(text[..(text.Length - rest.Length)]);
                if (!rest.IsEmpty)
                {
                    AnythingElse(mode, rest);
                }

                return;
            }

            case InsertionMode.AfterBody:
            case InsertionMode.AfterAfterBody:
            {
                var rest = text.TrimStart(Spaces);
                ReconstructFormatting();
                AddCharacters(text[..(text.Length - rest.Length)]);
                if (!rest.IsEmpty)
                {
                    _mode = InsertionMode.InBody;
                    Characters(InsertionMode.InBody, rest);
                }

                return;
            }

            case InsertionMode.InBody:
            case InsertionMode.InCaption:
            case InsertionMode.InCell:
                ReconstructFormatting();
                AddCharacters(text);
                return;
            case InsertionMode.Text:
            case InsertionMode.InSelect:
            case InsertionMode.InSelectInTable:
                AddCharacters(text);
                return;
            default:
                // In a table: white space stays where it is, anything else is fostered out of the table.
                if (IsTableMajor(CurrentName) && !text.ContainsAnyExcept(Spaces))
                {
                    AddCharacters(text);
                }
                else
                {
                    Fail(TreeFallback.FosterParenting);
                }

                return;
        }
    }

    // The "anything else" step of the modes before the body, for a character token's non-space rest.
    private void AnythingElse(InsertionMode mode, ReadOnlySpan<char> rest)
    {
        switch (mode)
        {
            case InsertionMode.Initial:
                _quirks = DoctypeQuirks.On;
                _mode = InsertionMode.BeforeHtml;
                AnythingElse(InsertionMode.BeforeHtml, rest);
                return;
            case InsertionMode.BeforeHtml:
                AddRoot(Tag.Implied(Html));
                AnythingElse(InsertionMode.BeforeHead, rest);
                return;
            case InsertionMode.BeforeHead:
                InsertHead(Tag.Implied(Head));
                Characters(InsertionMode.InHead, rest);
                return;
            case InsertionMode.InHead:
                Pop();
                _mode = InsertionMode.AfterHead;
                Characters(InsertionMode.AfterHead, rest);
                return;
            case InsertionMode.InHeadNoScript:
                Pop();
                _mode = InsertionMode.InHead;
                Characters(InsertionMode.InHead, rest);
                return;
            case InsertionMode.AfterHead:
                InsertBody(Tag.Implied(Body));
                Characters(InsertionMode.InBody, rest);
                return;
            default:
                // In column group.
                if (CloseColumnGroup())
                {
                    Characters(InsertionMode.InTable, rest);
                }

                return;
        }
    }

    private void StartTag(InsertionMode mode, Tag tag)
    {
        if (Failed)
        {
            return;
        }

        var name = tag.Name;
        switch (mode)
        {
            case InsertionMode.Initial:
                _quirks = DoctypeQuirks.On;
                _mode = InsertionMode.BeforeHtml;
                StartTag(InsertionMode.BeforeHtml, tag);
                return;
            case InsertionMode.BeforeHtml:
                if (name == Html)
                {
                    AddRoot(tag);
                    return;
                }

                AddRoot(Tag.Implied(Html));
                StartTag(InsertionMode.BeforeHead, tag);
                return;
            case InsertionMode.BeforeHead:
                if (name == Html)
                {
                    InBodyStartTag(tag);
                    return;
                }

                if (name == Head)
                {
                    InsertHead(tag);
                    return;
                }

                InsertHead(Tag.Implied(Head));
                StartTag(InsertionMode.InHead, tag);
                return;
            case InsertionMode.InHead:
                InHeadStartTag(tag);
                return;
            case InsertionMode.InHeadNoScript:
                if (name is Style or Link or Basefont or Meta or Noframes or Bgsound)
                {
                    InHeadStartTag(tag);
                    return;
                }

                if (name == Html)
                {
                    InBodyStartTag(tag);
                    return;
                }

                if (name is Head or Noscript)
                {
                    return;
                }

                Pop();
                _mode = InsertionMode.InHead;
                StartTag(InsertionMode.InHead, tag);
                return;
            case InsertionMode.AfterHead:
                AfterHeadStartTag(tag);
                return;
            case InsertionMode.InBody:
                InBodyStartTag(tag);
                return;
            case InsertionMode.InTable:
                InTableStartTag(tag);
                return;
            case InsertionMode.InCaption:
                if (name is Tbody or Col or Tfoot or Td or Thead or Caption or Th or Colgroup or Tr)
                {
                    if (CloseCaption())
                    {
                        StartTag(InsertionMode.InTable, tag);
                    }

                    return;
                }

                InBodyStartTag(tag);
                return;
            case InsertionMode.InColumnGroup:
                if (name == Html)
                {
                    InBodyStartTag(tag);
                    return;
                }

                if (name == Col)
                {
                    AddElement(tag);
                    Pop();
                    return;
                }

                if (name == Template)
                {
                    Fail(TreeFallback.Template);
                    return;
                }

                if (CloseColumnGroup())
                {
                    StartTag(InsertionMode.InTable, tag);
                }

                return;
            case InsertionMode.InTableBody:
                InTableBodyStartTag(tag);
                return;
            case InsertionMode.InRow:
                if (name is Td or Th)
                {
                    ClearStackBackTo(Tr);
                    AddElement(tag);
                    _mode = InsertionMode.InCell;
                    AddMarker();
                    return;
                }

                if (name is Tr or Caption or Colgroup or Col or Tbody or Tfoot or Thead)
                {
                    if (CloseRow())
                    {
                        StartTag(InsertionMode.InTableBody, tag);
                    }

                    return;
                }

                InTableStartTag(tag);
                return;
            case InsertionMode.InCell:
                if (name is Tr or Td or Th or Caption or Colgroup or Col or Tbody or Tfoot or Thead)
                {
                    if (IsInTableScope(Td, Th))
                    {
                        CloseCell();
                        StartTag(_mode, tag);
                    }

                    return;
                }

                InBodyStartTag(tag);
                return;
            case InsertionMode.InSelect:
                InSelectStartTag(tag);
                return;
            case InsertionMode.InSelectInTable:
                if (name is Tr or Table or Tbody or Tfoot or Thead or Td or Th or Caption)
                {
                    CloseSelect();
                    StartTag(_mode, tag);
                    return;
                }

                InSelectStartTag(tag);
                return;
            case InsertionMode.AfterBody:
            case InsertionMode.AfterAfterBody:
                if (name != Html)
                {
                    _mode = InsertionMode.InBody;
                }

                InBodyStartTag(tag);
                return;
            default:
                // Text: the tokenizer reads no start tag in raw text.
                return;
        }
    }

    private void EndTag(InsertionMode mode, int name)
    {
        if (Failed)
        {
            return;
        }

        switch (mode)
        {
            case InsertionMode.Initial:
                _quirks = DoctypeQuirks.On;
                _mode = InsertionMode.BeforeHtml;
                EndTag(InsertionMode.BeforeHtml, name);
                return;
            case InsertionMode.BeforeHtml:
                if (name is Html or Body or Br or Head)
                {
                    AddRoot(Tag.Implied(Html));
                    EndTag(InsertionMode.BeforeHead, name);
                }

                return;
            case InsertionMode.BeforeHead:
                if (name is Html or Body or Br or Head)
                {
                    InsertHead(Tag.Implied(Head));
                    EndTag(InsertionMode.InHead, name);
                }

                return;
            case InsertionMode.InHead:
                if (name == Head)
                {
                    Pop();
                    _mode = InsertionMode.AfterHead;
                }
                else if (name is Html or Body or Br)
                {
                    Pop();
                    _mode = InsertionMode.AfterHead;
                    EndTag(InsertionMode.AfterHead, name);
                }

                return;
            case InsertionMode.InHeadNoScript:
                if (name == Noscript)
                {
                    Pop();
                    _mode = InsertionMode.InHead;
                }
                else if (name == Br)
                {
                    Pop();
                    _mode = InsertionMode.InHead;
                    EndTag(InsertionMode.InHead, name);
                }

                return;
            case InsertionMode.AfterHead:
                if (name is Html or Body or Br)
                {
                    InsertBody(Tag.Implied(Body));
                    EndTag(InsertionMode.InBody, name);
                }

                return;
            case InsertionMode.InBody:
                InBodyEndTag(name);
                return;
            case InsertionMode.Text:
                Pop();
                _mode = _previousMode;
                return;
            case InsertionMode.InTable:
                InTableEndTag(name);
                return;
            case InsertionMode.InCaption:
                if (name == Caption)
                {
                    CloseCaption();
                }
                else if (name == Table)
                {
                    if (CloseCaption())
                    {
                        EndTag(InsertionMode.InTable, name);
                    }
                }
                else if (name is not (Tbody or Col or Tfoot or Td or Thead or Tr or Body or Th or Colgroup or Html))
                {
                    InBodyEndTag(name);
                }

                return;
            case InsertionMode.InColumnGroup:
                if (name == Colgroup)
                {
                    CloseColumnGroup();
                }
                else if (name is not (Col or Template) && CloseColumnGroup())
                {
                    EndTag(InsertionMode.InTable, name);
                }

                return;
            case InsertionMode.InTableBody:
                if (name is Tbody or Tfoot or Thead)
                {
                    if (IsInTableScope(name))
                    {
                        ClearStackBackToTableSection();
                        Pop();
                        _mode = InsertionMode.InTable;
                    }
                }
                else if (name == Table)
                {
                    CloseTableSection(name, isEndTag: true);
                }
                else if (name is not (Tr or Td or Th or Body or Caption or Col or Colgroup or Html))
                {
                    InTableEndTag(name);
                }

                return;
            case InsertionMode.InRow:
                if (name == Tr)
                {
                    CloseRow();
                }
                else if (name == Table)
                {
                    if (CloseRow())
                    {
                        EndTag(InsertionMode.InTableBody, name);
                    }
                }
                else if (name is Tbody or Tfoot or Thead)
                {
                    if (IsInTableScope(name))
                    {
                        CloseRow();
                        EndTag(InsertionMode.InTableBody, name);
                    }
                }
                else if (name is not (Td or Th or Body or Caption or Col or Colgroup or Html))
                {
                    InTableEndTag(name);
                }

                return;
            case InsertionMode.InCell:
                if (name is Td or Th)
                {
                    CloseCell();
                }
                else if (name is Tr or Table or Tbody or Tfoot or Thead)
                {
                    if (IsInTableScope(name))
                    {
                        CloseCell();
                        EndTag(_mode, name);
                    }
                }
                else if (name is not (Body or Caption or Col or Colgroup or Html))
                {
                    InBodyEndTag(name);
                }

                return;
            case InsertionMode.InSelect:
                InSelectEndTag(name);
                return;
            case InsertionMode.InSelectInTable:
                if (name is Tr or Table or Tbody or Tfoot or Thead or Td or Th or Caption)
                {
                    if (IsInTableScope(name))
                    {
                        CloseSelect();
                        EndTag(_mode, name);
                    }

                    return;
                }

                InSelectEndTag(name);
                return;
            case InsertionMode.AfterBody:
                if (name == Html)
                {
                    _mode = InsertionMode.AfterAfterBody;
                    return;
                }

                _mode = InsertionMode.InBody;
                InBodyEndTag(name);
                return;
            default:
                // After after body.
                _mode = InsertionMode.InBody;
                InBodyEndTag(name);
                return;
        }
    }

    private void EndOfFile(InsertionMode mode)
    {
        if (Failed)
        {
            return;
        }

        switch (mode)
        {
            case InsertionMode.Initial:
                _quirks = DoctypeQuirks.On;
                _mode = InsertionMode.BeforeHtml;
                EndOfFile(InsertionMode.BeforeHtml);
                return;
            case InsertionMode.BeforeHtml:
                AddRoot(Tag.Implied(Html));
                EndOfFile(InsertionMode.BeforeHead);
                return;
            case InsertionMode.BeforeHead:
                InsertHead(Tag.Implied(Head));
                EndOfFile(InsertionMode.InHead);
                return;
            case InsertionMode.InHead:
                Pop();
                _mode = InsertionMode.AfterHead;
                EndOfFile(InsertionMode.AfterHead);
                return;
            case InsertionMode.InHeadNoScript:
                Pop();
                _mode = InsertionMode.InHead;
                EndOfFile(InsertionMode.InHead);
                return;
            case InsertionMode.AfterHead:
                InsertBody(Tag.Implied(Body));
                EndOfFile(InsertionMode.InBody);
                return;
            case InsertionMode.Text:
                Pop();
                _mode = _previousMode;
                EndOfFile(_mode);
                return;
            default:
                // In body, and every mode that ends as it does: close everything.
                _openCount = 0;
                _ended = true;
                return;
        }
    }

    private void InHeadStartTag(Tag tag)
    {
        var name = tag.Name;
        switch (name)
        {
            case Html:
                InBodyStartTag(tag);
                return;
            case Meta:
            case Link:
            case Base:
            case Basefont:
            case Bgsound:
                AddElement(tag);
                Pop();
                return;
            case Title:
                AddElement(tag);
                SwitchTo(TextState.RcData);
                return;
            case Style:
            case Noframes:
                AddElement(tag);
                SwitchTo(TextState.RawText);
                return;
            case Noscript:
                // Scripting is off: the content of <noscript> is markup.
                AddElement(tag);
                _mode = InsertionMode.InHeadNoScript;
                return;
            case Script:
                AddElement(tag);
                SwitchTo(TextState.ScriptData);
                return;
            case Head:
                return;
            case Template:
                Fail(TreeFallback.Template);
                return;
            default:
                Pop();
                _mode = InsertionMode.AfterHead;
                AfterHeadStartTag(tag);
                return;
        }
    }

    private void AfterHeadStartTag(Tag tag)
    {
        var name = tag.Name;
        switch (name)
        {
            case Html:
                InBodyStartTag(tag);
                return;
            case Body:
                InsertBody(tag);
                return;
            case Frameset:
                Fail(TreeFallback.Frames);
                return;
            case Link:
            case Meta:
            case Script:
            case Style:
            case Title:
            case Base:
            case Basefont:
            case Bgsound:
            case Noframes:
                // Back into the head, which must still end the document order.
                if (_head < 0 || !_tree.CanAppendTo(_head))
                {
                    Fail(TreeFallback.DocumentOrder);
                    return;
                }

                Push(_head);
                InHeadStartTag(tag);
                Remove(_head);
                return;
            case Head:
                return;
            default:
                InsertBody(Tag.Implied(Body));
                StartTag(InsertionMode.InBody, tag);
                return;
        }
    }

    private void InBodyStartTag(Tag tag)
    {
        var name = tag.Name;
        switch (name)
        {
            case Div:
            case Ul:
            case P:
            case Ol or Dl or Fieldset or Figcaption or Figure or Article or Aside or Blockquote or Center or Address
                or Dialog or Dir or Summary or Details or Main or Footer or Header or Nav or Section or Menu or Hgroup:
                ClosePInButtonScope();
                AddElement(tag);
                return;
            case A:
                for (var i = _formattingCount - 1; i >= 0 && _formatting[i] != Marker; i--)
                {
                    if (_tree[_formatting[i]].Name == A)
                    {
                        // A nested <a>: the adoption agency closes the first one.
                        Fail(TreeFallback.AdoptionAgency);
                        return;
                    }
                }

                ReconstructFormatting();
                AddFormatting(AddElement(tag));
                return;
            case Span:
                ReconstructFormatting();
                AddElement(tag);
                return;
            case Li:
                ListItem(tag, Li, Li);
                return;
            case Img:
            case Br or Area or Embed or Keygen or Wbr:
                ReconstructFormatting();
                AddElement(tag);
                Pop();
                return;
            case B or Strong or Code or Em or U or I:
            case Font or S or Small or Strike or Big or Tt:
                ReconstructFormatting();
                AddFormatting(AddElement(tag));
                return;
            case Script:
            case Style or Link or Meta or Title or Noframes or Template or Base or Basefont or Bgsound:
                InHeadStartTag(tag);
                return;
            case H1 or H2 or H3 or H4 or H5 or H6:
                ClosePInButtonScope();
                if (IsHeading(CurrentName))
                {
                    Pop();
                }

                AddElement(tag);
                return;
            case Input:
                ReconstructFormatting();
                AddElement(tag);
                Pop();
                return;
            case Form:
                if (_form < 0)
                {
                    ClosePInButtonScope();
                    _form = AddElement(tag);
                }

                return;
            case Pre:
            case Listing:
                ClosePInButtonScope();
                AddElement(tag);
                PreventNewLine();
                return;
            case Button:
                if (IsInScope(Button))
                {
                    CloseBlock(Button);
                    StartTag(InsertionMode.InBody, tag);
                    return;
                }

                ReconstructFormatting();
                AddElement(tag);
                return;
            case Table:
                if (_quirks != DoctypeQuirks.On && IsInButtonScope())
                {
                    if (_quirks == DoctypeQuirks.Unknown)
                    {
                        Fail(TreeFallback.QuirksMode);
                        return;
                    }

                    CloseParagraph();
                }

                AddElement(tag);
                _mode = InsertionMode.InTable;
                return;
            case Menuitem or Param or Source or Track:
                AddElement(tag);
                Pop();
                return;
            case Hr:
                ClosePInButtonScope();
                AddElement(tag);
                Pop();
                return;
            case Textarea:
                AddElement(tag);
                _tokenizer.State = TextState.RcData;
                _previousMode = _mode;
                _mode = InsertionMode.Text;
                PreventNewLine();
                return;
            case Select:
                ReconstructFormatting();
                AddElement(tag);
                _mode = _mode is InsertionMode.InTable or InsertionMode.InCaption or InsertionMode.InTableBody
                    or InsertionMode.InRow or InsertionMode.InCell
                    ? InsertionMode.InSelectInTable
                    : InsertionMode.InSelect;
                return;
            case Optgroup:
            case Option:
                if (CurrentName == Option)
                {
                    AnyOtherEndTag(Option);
                }

                ReconstructFormatting();
                AddElement(tag);
                return;
            case Dd:
            case Dt:
                ListItem(tag, Dd, Dt);
                return;
            case Iframe:
            case Noembed:
                AddElement(tag);
                SwitchTo(TextState.RawText);
                return;
            case Applet or Marquee or ObjectElement:
                ReconstructFormatting();
                AddElement(tag);
                AddMarker();
                return;
            case Image:
                ReconstructFormatting();
                AddElement(tag with { Name = Img });
                Pop();
                return;
            case Nobr:
                ReconstructFormatting();
                if (IsInScope(Nobr))
                {
                    Fail(TreeFallback.AdoptionAgency);
                    return;
                }

                AddFormatting(AddElement(tag));
                return;
            case Xmp:
                ClosePInButtonScope();
                ReconstructFormatting();
                AddElement(tag);
                SwitchTo(TextState.RawText);
                return;
            case Rb or Rtc:
                if (IsInScope(Ruby))
                {
                    GenerateImpliedEndTags(except: -1);
                }

                AddElement(tag);
                return;
            case Rp or Rt:
                if (IsInScope(Ruby))
                {
                    GenerateImpliedEndTags(except: Rtc);
                }

                AddElement(tag);
                return;
            case Noscript:
                ReconstructFormatting();
                AddElement(tag);
                return;
            case MathElement or Svg:
                Fail(TreeFallback.ForeignContent);
                return;
            case Plaintext:
                ClosePInButtonScope();
                AddElement(tag);
                _tokenizer.State = TextState.PlainText;
                return;
            case Frameset or Isindex:
                Fail(TreeFallback.Frames);
                return;
            case Html:
                // AngleSharp adds the (kept) attributes the element lacks: not modelled.
                if (tag.FromToken && _tokenizer.AttributeCount > 0)
                {
                    Fail(TreeFallback.AttributeMerge);
                }

                return;
            case Body:
                if (_openCount > 1 && _tree[_open[1]].Name == Body && tag.FromToken && _tokenizer.AttributeCount > 0)
                {
                    Fail(TreeFallback.AttributeMerge);
                }

                return;
            case Tbody or Td or Tfoot or Th or Thead or Tr or Caption or Col or Colgroup or Frame or Head:
                return;
            default:
                ReconstructFormatting();
                AddElement(tag);
                return;
        }
    }

    private void InBodyEndTag(int name)
    {
        switch (name)
        {
            case Div:
            case Ol or Ul or Dl or Fieldset or Button or Figcaption or Figure or Article or Aside or Blockquote or Center
                or Address or Dialog or Dir or Summary or Details or Listing or Footer or Header or Nav or Section
                or Menu or Hgroup or Main or Pre:
                CloseBlock(name);
                return;
            case A:
            case B or Strong or Code or Em or U or I or Nobr or Font or S or Small or Strike or Big or Tt:
                AdoptionAgency(name);
                return;
            case Li:
                if (IsInListItemScope())
                {
                    GenerateImpliedEndTags(except: Li);
                    ClearStackBackTo(Li);
                    Pop();
                }

                return;
            case P:
                CloseParagraph();
                return;
            case Form:
            {
                var form = _form;
                _form = -1;
                if (form >= 0 && IsInScope(_tree[form].Name))
                {
                    GenerateImpliedEndTags(except: -1);
                    Remove(form);
                }

                return;
            }

            case Br:
                StartTag(_mode, Tag.Implied(Br));
                return;
            case H1 or H2 or H3 or H4 or H5 or H6:
                if (IsInScopeOfHeading())
                {
                    GenerateImpliedEndTags(except: -1);
                    while (!IsHeading(CurrentName) && CurrentName is not (Html or Template))
                    {
                        Pop();
                    }

                    Pop();
                }

                return;
            case Dd or Dt:
                if (IsInScope(name))
                {
                    GenerateImpliedEndTags(except: name);
                    ClearStackBackTo(name);
                    Pop();
                }

                return;
            case Applet or Marquee or ObjectElement:
                if (IsInScope(name))
                {
                    GenerateImpliedEndTags(except: -1);
                    ClearStackBackTo(name);
                    Pop();
                    ClearFormattingToMarker();
                }

                return;
            case Body:
                if (IsInScope(Body))
                {
                    _mode = InsertionMode.AfterBody;
                }

                return;
            case Html:
                if (IsInScope(Body))
                {
                    _mode = InsertionMode.AfterAfterBody;
                }

                return;
            case Template:
                return;
            default:
                AnyOtherEndTag(name);
                return;
        }
    }

    private void InTableStartTag(Tag tag)
    {
        var name = tag.Name;
        switch (name)
        {
            case Caption:
                ClearStackBackTo(Table);
                AddMarker();
                AddElement(tag);
                _mode = InsertionMode.InCaption;
                return;
            case Colgroup:
                ClearStackBackTo(Table);
                AddElement(tag);
                _mode = InsertionMode.InColumnGroup;
                return;
            case Col:
                InTableStartTag(Tag.Implied(Colgroup));
                StartTag(InsertionMode.InColumnGroup, tag);
                return;
            case Tbody or Tfoot or Thead:
                ClearStackBackTo(Table);
                AddElement(tag);
                _mode = InsertionMode.InTableBody;
                return;
            case Td or Th or Tr:
                InTableStartTag(Tag.Implied(Tbody));
                StartTag(InsertionMode.InTableBody, tag);
                return;
            case Table:
                if (CloseTable())
                {
                    StartTag(_mode, tag);
                }

                return;
            case Input:
                if (tag.FromToken && _tokenizer.TryGetValue(_typeAttribute, out var type) && type.Equals("hidden", StringComparison.OrdinalIgnoreCase))
                {
                    AddElement(tag);
                    Pop();
                    return;
                }

                Fail(TreeFallback.FosterParenting);
                return;
            case Form:
                if (_form < 0)
                {
                    _form = AddElement(tag);
                    Pop();
                }

                return;
            case Script or Style or Template:
                InHeadStartTag(tag);
                return;
            default:
                Fail(TreeFallback.FosterParenting);
                return;
        }
    }

    private void InTableEndTag(int name)
    {
        if (name == Table)
        {
            CloseTable();
        }
        else if (name is Template or Td or Th or Body or Caption or Col or Colgroup or Html or Tbody or Tr or Thead or Tfoot)
        {
            // Ignored.
        }
        else if (name is P or Br)
        {
            // In body these insert an element, which foster parenting would put before the table.
            Fail(TreeFallback.FosterParenting);
        }
        else
        {
            // AngleSharp processes it in body with foster parenting on; an end tag that inserts nothing only closes
            // elements (or nothing: the table is a scope boundary and special), as it would without.
            InBodyEndTag(name);
        }
    }

    private void InTableBodyStartTag(Tag tag)
    {
        var name = tag.Name;
        if (name == Tr)
        {
            ClearStackBackToTableSection();
            AddElement(tag);
            _mode = InsertionMode.InRow;
        }
        else if (name is Td or Th)
        {
            InTableBodyStartTag(Tag.Implied(Tr));
            StartTag(InsertionMode.InRow, tag);
        }
        else if (name is Caption or Colgroup or Col or Tbody or Tfoot or Thead)
        {
            CloseTableSection(name, isEndTag: false, tag);
        }
        else
        {
            InTableStartTag(tag);
        }
    }

    // AngleSharp's InTableBodyCloseTable: the open section closes and the token goes to the table.
    private void CloseTableSection(int name, bool isEndTag, Tag tag = default)
    {
        if (!IsInTableScope(Tbody, Thead, Tfoot))
        {
            return;
        }

        ClearStackBackToTableSection();
        Pop();
        _mode = InsertionMode.InTable;
        if (isEndTag)
        {
            InTableEndTag(name);
        }
        else
        {
            InTableStartTag(tag);
        }
    }

    private void InSelectStartTag(Tag tag)
    {
        var name = tag.Name;
        switch (name)
        {
            case Html:
                InBodyStartTag(tag);
                return;
            case Option:
                if (CurrentName == Option)
                {
                    Pop();
                }

                AddElement(tag);
                return;
            case Optgroup:
                if (CurrentName == Option)
                {
                    Pop();
                }

                if (CurrentName == Optgroup)
                {
                    CloseOptionGroup();
                }

                AddElement(tag);
                return;
            case Select:
                CloseSelect();
                return;
            case Input or Keygen or Textarea:
                if (IsInSelectScope(Select))
                {
                    CloseSelect();
                    StartTag(_mode, tag);
                }

                return;
            case Script:
                InHeadStartTag(tag);
                return;
            default:
                Fail(TreeFallback.SelectContent);
                return;
        }
    }

    private void InSelectEndTag(int name)
    {
        switch (name)
        {
            case Template:
                return;
            case Optgroup:
                CloseOptionGroup();
                return;
            case Option:
                if (CurrentName == Option)
                {
                    Pop();
                }

                return;
            case Select:
                if (IsInSelectScope(Select))
                {
                    CloseSelect();
                }

                return;
            default:
                if (CurrentName != Select && CurrentName == name)
                {
                    Pop();
                }

                return;
        }
    }

    private void CloseOptionGroup()
    {
        if (_openCount > 1 && CurrentName == Option && _tree[_open[_openCount - 2]].Name == Optgroup)
        {
            Pop();
        }

        if (CurrentName == Optgroup)
        {
            Pop();
        }
    }

    private void CloseSelect()
    {
        ClearStackBackTo(Select);
        Pop();
        ResetMode();
    }

    private bool CloseTable()
    {
        if (!IsInTableScope(Table))
        {
            return false;
        }

        ClearStackBackTo(Table);
        Pop();
        ResetMode();
        return true;
    }

    private bool CloseCaption()
    {
        if (!IsInTableScope(Caption))
        {
            return false;
        }

        GenerateImpliedEndTags(except: -1);
        ClearStackBackTo(Caption);
        Pop();
        ClearFormattingToMarker();
        _mode = InsertionMode.InTable;
        return true;
    }

    private bool CloseColumnGroup()
    {
        if (CurrentName != Colgroup)
        {
            return false;
        }

        Pop();
        _mode = InsertionMode.InTable;
        return true;
    }

    private bool CloseRow()
    {
        if (!IsInTableScope(Tr))
        {
            return false;
        }

        ClearStackBackTo(Tr);
        Pop();
        _mode = InsertionMode.InTableBody;
        return true;
    }

    private void CloseCell()
    {
        GenerateImpliedEndTags(except: -1);
        while (CurrentName is not (Td or Th or Html or Template))
        {
            Pop();
        }

        Pop();
        ClearFormattingToMarker();
        _mode = InsertionMode.InRow;
    }

    private void ClearStackBackToTableSection()
    {
        while (CurrentName is not (Tbody or Tfoot or Thead or Html or Template))
        {
            Pop();
        }
    }

    // AngleSharp's Reset: the mode from the open elements, top down.
    private void ResetMode()
    {
        for (var i = _openCount - 1; i >= 0; i--)
        {
            var last = i == 0;
            switch (_tree[_open[i]].Name)
            {
                case Select:
                    _mode = InsertionMode.InSelect;
                    return;
                case Td or Th:
                    _mode = last ? InsertionMode.InBody : InsertionMode.InCell;
                    return;
                case Tr:
                    _mode = InsertionMode.InRow;
                    return;
                case Tbody or Tfoot or Thead:
                    _mode = InsertionMode.InTableBody;
                    return;
                case Body:
                    _mode = InsertionMode.InBody;
                    return;
                case Table:
                    _mode = InsertionMode.InTable;
                    return;
                case Caption:
                    _mode = InsertionMode.InCaption;
                    return;
                case Colgroup:
                    _mode = InsertionMode.InColumnGroup;
                    return;
                case Html:
                    _mode = InsertionMode.BeforeHead;
                    return;
                case Head:
                    _mode = last ? InsertionMode.InBody : InsertionMode.InHead;
                    return;
                default:
                    if (last)
                    {
                        _mode = InsertionMode.InBody;
                        return;
                    }

                    break;
            }
        }
    }

    // <li> (first == second == li) and <dd>/<dt>: an open item of the kind closes first, unless a special element other
    // than address, div and p is in between.
    private void ListItem(Tag tag, int first, int second)
    {
        for (var i = _openCount - 1; i >= 0; i--)
        {
            var name = _tree[_open[i]].Name;
            if (name == first || name == second)
            {
                EndTag(InsertionMode.InBody, name);
                break;
            }

            if ((NameTable.FlagsOf(name) & ElementFlags.Special) != 0 && name is not (Address or Div or P))
            {
                break;
            }
        }

        ClosePInButtonScope();
        AddElement(tag);
    }

    private void ClosePInButtonScope()
    {
        if (IsInButtonScope())
        {
            CloseParagraph();
        }
    }

    // AngleSharp's InBodyEndTagParagraph: an end tag for p, with an empty <p> first when none is open.
    private void CloseParagraph()
    {
        if (!IsInButtonScope())
        {
            StartTag(_mode, Tag.Implied(P));
            if (Failed || !IsInButtonScope())
            {
                return;
            }
        }

        GenerateImpliedEndTags(except: P);
        ClearStackBackTo(P);
        Pop();
    }

    private void CloseBlock(int name)
    {
        if (!IsInScope(name))
        {
            return;
        }

        GenerateImpliedEndTags(except: -1);
        ClearStackBackTo(name);
        Pop();
    }

    // The end tag of a formatting element, for the cases where no node moves; anything else falls back.
    private void AdoptionAgency(int name)
    {
        var current = CurrentNode;
        if (_tree[current].Name == name && IndexOfFormatting(current) < 0)
        {
            Pop();
            return;
        }

        var entry = -1;
        for (var i = _formattingCount - 1; i >= 0 && _formatting[i] != Marker; i--)
        {
            if (_tree[_formatting[i]].Name == name)
            {
                entry = i;
                break;
            }
        }

        if (entry < 0)
        {
            AnyOtherEndTag(name);
            return;
        }

        var element = _formatting[entry];
        var open = IndexOfOpen(element);
        if (open < 0)
        {
            RemoveFormattingAt(entry);
            return;
        }

        if (!IsInScope(name))
        {
            return;
        }

        for (var j = open + 1; j < _openCount; j++)
        {
            if ((NameTable.FlagsOf(_tree[_open[j]].Name) & ElementFlags.Special) != 0)
            {
                Fail(TreeFallback.AdoptionAgency);
                return;
            }
        }

        _openCount = open;
        RemoveFormattingAt(entry);
    }

    // AngleSharp's InBodyEndTagAnythingElse.
    private void AnyOtherEndTag(int name)
    {
        for (var i = _openCount - 1; i >= 0; i--)
        {
            var nodeName = _tree[_open[i]].Name;
            if (nodeName == name)
            {
                GenerateImpliedEndTags(except: name);
                _openCount = Math.Min(_openCount, i);
                return;
            }

            if ((NameTable.FlagsOf(nodeName) & ElementFlags.Special) != 0)
            {
                return;
            }
        }
    }

    private void PreventNewLine()
    {
        var kind = _tokenizer.Next();
        if (_tokenizer.Fallback != TreeFallback.None)
        {
            Fail(_tokenizer.Fallback);
            return;
        }

        if (kind == TokenKind.Character)
        {
            var text = _tokenizer.Text;
            Characters(_mode, text.Length > 0 && text[0] == '\n' ? text[1..] : text);
            return;
        }

        Dispatch(_mode, kind);
    }

    private void SwitchTo(TextState state)
    {
        _tokenizer.State = state;
        _previousMode = _mode;
        _mode = InsertionMode.Text;
    }

    private void AddRoot(Tag tag)
    {
        var html = _tree.AddElement(PageTree.DocumentNode, Html);
        CopyAttributes(html, tag);
        Push(html);
        _mode = InsertionMode.BeforeHead;
    }

    private void InsertHead(Tag tag)
    {
        _head = AddElement(tag);
        _mode = InsertionMode.InHead;
    }

    private void InsertBody(Tag tag)
    {
        AddElement(tag);
        _mode = InsertionMode.InBody;
    }

    // Appends an element for the tag to the current node and opens it.
    private int AddElement(Tag tag)
    {
        var parent = CurrentNode;
        if (_tree[parent].Depth >= PageTree.MaximumDepth)
        {
            Fail(TreeFallback.Depth);
            return -1;
        }

        if (!_tree.CanAppendTo(parent))
        {
            Fail(TreeFallback.DocumentOrder);
            return -1;
        }

        var element = _tree.AddElement(parent, tag.Name);
        CopyAttributes(element, tag);
        Push(element);
        return element;
    }

    private void CopyAttributes(int element, Tag tag)
    {
        if (!tag.FromToken)
        {
            return;
        }

        for (var i = 0; i < _tokenizer.AttributeCount; i++)
        {
            ref readonly var attribute = ref _tokenizer.Attribute(i);
            _tree.AddAttribute(element, attribute.Name, _tokenizer.Value(attribute));
        }
    }

    private void AddCharacters(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || Failed)
        {
            return;
        }

        var parent = CurrentNode;
        if (!_tree.CanAppendTo(parent))
        {
            Fail(TreeFallback.DocumentOrder);
            return;
        }

        _tree.AppendText(parent, text);
    }

    private void Push(int element)
    {
        if (element < 0)
        {
            return;
        }

        if (_openCount == _open.Length)
        {
            Array.Resize(ref _open, _openCount * 2);
        }

        _open[_openCount++] = element;
    }

    private void Pop()
    {
        if (_openCount > 0)
        {
            _openCount--;
        }
    }

    // Removes an element from the stack wherever it is (AngleSharp's CloseNode).
    private void Remove(int element)
    {
        var index = IndexOfOpen(element);
        if (index < 0)
        {
            return;
        }

        Array.Copy(_open, index + 1, _open, index, _openCount - index - 1);
        _openCount--;
    }

    private int IndexOfOpen(int element)
    {
        for (var i = _openCount - 1; i >= 0; i--)
        {
            if (_open[i] == element)
            {
                return i;
            }
        }

        return -1;
    }

    private void ClearStackBackTo(int name)
    {
        while (CurrentName != name && CurrentName is not (Html or Template) && _openCount > 0)
        {
            Pop();
        }
    }

    private void GenerateImpliedEndTags(int except)
    {
        while (_openCount > 0 && CurrentName != except && (NameTable.FlagsOf(CurrentName) & ElementFlags.ImpliedEnd) != 0)
        {
            Pop();
        }
    }

    private bool IsInScope(int name) => InScope(name, name, name, ElementFlags.Scoped);

    private bool IsInTableScope(int name) => InScope(name, name, name, ElementFlags.TableScoped);

    private bool IsInTableScope(int name, int other) => InScope(name, other, other, ElementFlags.TableScoped);

    private bool IsInTableScope(int name, int other, int third) => InScope(name, other, third, ElementFlags.TableScoped);

    private bool InScope(int name, int other, int third, ElementFlags boundary)
    {
        for (var i = _openCount - 1; i >= 0; i--)
        {
            var nodeName = _tree[_open[i]].Name;
            if (nodeName == name || nodeName == other || nodeName == third)
            {
                return true;
            }

            if ((NameTable.FlagsOf(nodeName) & boundary) != 0)
            {
                return false;
            }
        }

        return false;
    }

    private bool IsInScopeOfHeading()
    {
        for (var i = _openCount - 1; i >= 0; i--)
        {
            var nodeName = _tree[_open[i]].Name;
            if (IsHeading(nodeName))
            {
                return true;
            }

            if ((NameTable.FlagsOf(nodeName) & ElementFlags.Scoped) != 0)
            {
                return false;
            }
        }

        return false;
    }

    private bool IsInListItemScope()
    {
        for (var i = _openCount - 1; i >= 0; i--)
        {
            var nodeName = _tree[_open[i]].Name;
            if (nodeName == Li)
            {
                return true;
            }

            if ((NameTable.FlagsOf(nodeName) & (ElementFlags.Scoped | ElementFlags.ListScoped)) != 0)
            {
                return false;
            }
        }

        return false;
    }

    private bool IsInButtonScope()
    {
        for (var i = _openCount - 1; i >= 0; i--)
        {
            var nodeName = _tree[_open[i]].Name;
            if (nodeName == P)
            {
                return true;
            }

            if (nodeName == Button || (NameTable.FlagsOf(nodeName) & ElementFlags.Scoped) != 0)
            {
                return false;
            }
        }

        return false;
    }

    private bool IsInSelectScope(int name)
    {
        for (var i = _openCount - 1; i >= 0; i--)
        {
            var nodeName = _tree[_open[i]].Name;
            if (nodeName == name)
            {
                return true;
            }

            if ((NameTable.FlagsOf(nodeName) & ElementFlags.SelectScoped) == 0)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsHeading(int name) => name is H1 or H2 or H3 or H4 or H5 or H6;

    private static bool IsTableMajor(int name) => name is Tbody or Tfoot or Thead or Table or Tr;

    // The list of active formatting elements.
    private void AddFormatting(int element)
    {
        if (element < 0)
        {
            return;
        }

        // The "Noah's Ark" clause compares attributes: with three of a name already, fall back rather than compare.
        var name = _tree[element].Name;
        var same = 0;
        for (var i = _formattingCount - 1; i >= 0 && _formatting[i] != Marker; i--)
        {
            if (_tree[_formatting[i]].Name == name && ++same == 3)
            {
                Fail(TreeFallback.FormattingLimit);
                return;
            }
        }

        if (_formattingCount == _formatting.Length)
        {
            Array.Resize(ref _formatting, _formattingCount * 2);
        }

        _formatting[_formattingCount++] = element;
    }

    private void AddMarker()
    {
        if (_formattingCount == _formatting.Length)
        {
            Array.Resize(ref _formatting, _formattingCount * 2);
        }

        _formatting[_formattingCount++] = Marker;
    }

    private void ClearFormattingToMarker()
    {
        while (_formattingCount > 0)
        {
            if (_formatting[--_formattingCount] == Marker)
            {
                return;
            }
        }
    }

    private int IndexOfFormatting(int element)
    {
        for (var i = _formattingCount - 1; i >= 0; i--)
        {
            if (_formatting[i] == element)
            {
                return i;
            }
        }

        return -1;
    }

    private void RemoveFormattingAt(int index)
    {
        Array.Copy(_formatting, index + 1, _formatting, index, _formattingCount - index - 1);
        _formattingCount--;
    }

    // Reopens the formatting elements closed by something other than their end tag: copies appended to the current node.
    private void ReconstructFormatting()
    {
        if (_formattingCount == 0)
        {
            return;
        }

        var i = _formattingCount - 1;
        var last = _formatting[i];
        if (last == Marker || IndexOfOpen(last) >= 0)
        {
            return;
        }

        while (i > 0)
        {
            var entry = _formatting[--i];
            if (entry == Marker || IndexOfOpen(entry) >= 0)
            {
                i++;
                break;
            }
        }

        for (; i < _formattingCount && !Failed; i++)
        {
            var parent = CurrentNode;
            if (_tree[parent].Depth >= PageTree.MaximumDepth || !_tree.CanAppendTo(parent))
            {
                Fail(_tree[parent].Depth >= PageTree.MaximumDepth ? TreeFallback.Depth : TreeFallback.DocumentOrder);
                return;
            }

            var copy = _tree.CopyElement(parent, _formatting[i]);
            Push(copy);
            _formatting[i] = copy;
        }
    }

    private static ReadOnlySpan<char> Spaces => " \t\n\r\f";

    /// <summary>A start tag to insert: the tokenizer's last one (with its attributes), or an implied one without attributes.</summary>
    private readonly record struct Tag(int Name, bool FromToken)
    {
        public static Tag Implied(int name) => new(name, FromToken: false);
    }
}
