namespace DeclarativeScrape;

/// <summary>
/// The element names the HTML tree builder knows, each with a fixed id (its index in <see cref="Names"/>) and the
/// properties AngleSharp 1.10 gives its elements (<see cref="ElementFlags"/>); every other name gets an id of its own
/// per parser (<see cref="NameTable"/>) and no flag. A test holds the flags to AngleSharp's own elements.
/// </summary>
internal static class HtmlNames
{
    public const int A = 0;
    public const int Abbr = 1;
    public const int Address = 2;
    public const int Applet = 3;
    public const int Area = 4;
    public const int Article = 5;
    public const int Aside = 6;
    public const int Audio = 7;
    public const int B = 8;
    public const int Base = 9;
    public const int Basefont = 10;
    public const int Bdi = 11;
    public const int Bdo = 12;
    public const int Bgsound = 13;
    public const int Big = 14;
    public const int Blockquote = 15;
    public const int Body = 16;
    public const int Br = 17;
    public const int Button = 18;
    public const int Canvas = 19;
    public const int Caption = 20;
    public const int Center = 21;
    public const int Cite = 22;
    public const int Code = 23;
    public const int Col = 24;
    public const int Colgroup = 25;
    public const int Data = 26;
    public const int Datalist = 27;
    public const int Dd = 28;
    public const int Del = 29;
    public const int Details = 30;
    public const int Dfn = 31;
    public const int Dialog = 32;
    public const int Dir = 33;
    public const int Div = 34;
    public const int Dl = 35;
    public const int Dt = 36;
    public const int Em = 37;
    public const int Embed = 38;
    public const int Fieldset = 39;
    public const int Figcaption = 40;
    public const int Figure = 41;
    public const int Font = 42;
    public const int Footer = 43;
    public const int Form = 44;
    public const int Frame = 45;
    public const int Frameset = 46;
    public const int H1 = 47;
    public const int H2 = 48;
    public const int H3 = 49;
    public const int H4 = 50;
    public const int H5 = 51;
    public const int H6 = 52;
    public const int Head = 53;
    public const int Header = 54;
    public const int Hgroup = 55;
    public const int Hr = 56;
    public const int Html = 57;
    public const int I = 58;
    public const int Iframe = 59;
    public const int Image = 60;
    public const int Img = 61;
    public const int Input = 62;
    public const int Ins = 63;
    public const int Isindex = 64;
    public const int Kbd = 65;
    public const int Keygen = 66;
    public const int Label = 67;
    public const int Legend = 68;
    public const int Li = 69;
    public const int Link = 70;
    public const int Listing = 71;
    public const int Main = 72;
    public const int Map = 73;
    public const int Mark = 74;
    public const int Marquee = 75;
    public const int MathElement = 76;
    public const int Menu = 77;
    public const int Menuitem = 78;
    public const int Meta = 79;
    public const int Meter = 80;
    public const int Nav = 81;
    public const int Nobr = 82;
    public const int Noembed = 83;
    public const int Noframes = 84;
    public const int Noscript = 85;
    public const int ObjectElement = 86;
    public const int Ol = 87;
    public const int Optgroup = 88;
    public const int Option = 89;
    public const int Output = 90;
    public const int P = 91;
    public const int Param = 92;
    public const int Picture = 93;
    public const int Plaintext = 94;
    public const int Pre = 95;
    public const int Progress = 96;
    public const int Q = 97;
    public const int Quote = 98;
    public const int Rb = 99;
    public const int Rp = 100;
    public const int Rt = 101;
    public const int Rtc = 102;
    public const int Ruby = 103;
    public const int S = 104;
    public const int Samp = 105;
    public const int Script = 106;
    public const int Section = 107;
    public const int Select = 108;
    public const int Selectedcontent = 109;
    public const int Slot = 110;
    public const int Small = 111;
    public const int Source = 112;
    public const int Span = 113;
    public const int Strike = 114;
    public const int Strong = 115;
    public const int Style = 116;
    public const int Sub = 117;
    public const int Summary = 118;
    public const int Sup = 119;
    public const int Svg = 120;
    public const int Table = 121;
    public const int Tbody = 122;
    public const int Td = 123;
    public const int Template = 124;
    public const int Textarea = 125;
    public const int Tfoot = 126;
    public const int Th = 127;
    public const int Thead = 128;
    public const int Time = 129;
    public const int Title = 130;
    public const int Tr = 131;
    public const int Track = 132;
    public const int Tt = 133;
    public const int U = 134;
    public const int Ul = 135;
    public const int Var = 136;
    public const int Video = 137;
    public const int Wbr = 138;
    public const int Xmp = 139;

    /// <summary>The number of known names: ids from here on are a parser's own.</summary>
    public const int Count = 140;

    /// <summary>The known names, by id.</summary>
    public static readonly string[] Names =
    [
        "a", "abbr", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont", "bdi", "bdo",
        "bgsound", "big", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
        "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em",
        "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "image", "img", "input", "ins",
        "isindex", "kbd", "keygen", "label", "legend", "li", "link", "listing", "main", "map", "mark", "marquee",
        "math", "menu", "menuitem", "meta", "meter", "nav", "nobr", "noembed", "noframes", "noscript", "object", "ol",
        "optgroup", "option", "output", "p", "param", "picture", "plaintext", "pre", "progress", "q", "quote", "rb",
        "rp", "rt", "rtc", "ruby", "s", "samp", "script", "section", "select", "selectedcontent", "slot", "small",
        "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var",
        "video", "wbr", "xmp",
    ];

    /// <summary>The flags of each known name, by id.</summary>
    public static readonly ElementFlags[] Flags = CreateFlags();

    private static ElementFlags[] CreateFlags()
    {
        var flags = new ElementFlags[Count];
        flags[A] = ElementFlags.Formatting;
        flags[Address] = ElementFlags.Special;
        flags[Applet] = ElementFlags.Special | ElementFlags.Scoped;
        flags[Area] = ElementFlags.Special;
        flags[Article] = ElementFlags.Special;
        flags[Aside] = ElementFlags.Special;
        flags[B] = ElementFlags.Formatting;
        flags[Base] = ElementFlags.Special;
        flags[Basefont] = ElementFlags.Special;
        flags[Bgsound] = ElementFlags.Special;
        flags[Big] = ElementFlags.Formatting;
        flags[Blockquote] = ElementFlags.Special;
        flags[Body] = ElementFlags.Special | ElementFlags.ImplicitlyClosed;
        flags[Br] = ElementFlags.Special;
        flags[Button] = ElementFlags.Special;
        flags[Caption] = ElementFlags.Special | ElementFlags.Scoped;
        flags[Center] = ElementFlags.Special;
        flags[Code] = ElementFlags.Formatting;
        flags[Col] = ElementFlags.Special;
        flags[Colgroup] = ElementFlags.Special;
        flags[Dd] = ElementFlags.Special | ElementFlags.ImplicitlyClosed | ElementFlags.ImpliedEnd;
        flags[Details] = ElementFlags.Special;
        flags[Dir] = ElementFlags.Special;
        flags[Div] = ElementFlags.Special;
        flags[Dl] = ElementFlags.Special;
        flags[Dt] = ElementFlags.Special | ElementFlags.ImplicitlyClosed | ElementFlags.ImpliedEnd;
        flags[Em] = ElementFlags.Formatting;
        flags[Embed] = ElementFlags.Special;
        flags[Fieldset] = ElementFlags.Special;
        flags[Figcaption] = ElementFlags.Special;
        flags[Figure] = ElementFlags.Special;
        flags[Font] = ElementFlags.Formatting;
        flags[Footer] = ElementFlags.Special;
        flags[Form] = ElementFlags.Special;
        flags[Frame] = ElementFlags.Special;
        flags[Frameset] = ElementFlags.Special;
        flags[H1] = ElementFlags.Special;
        flags[H2] = ElementFlags.Special;
        flags[H3] = ElementFlags.Special;
        flags[H4] = ElementFlags.Special;
        flags[H5] = ElementFlags.Special;
        flags[H6] = ElementFlags.Special;
        flags[Head] = ElementFlags.Special;
        flags[Header] = ElementFlags.Special;
        flags[Hgroup] = ElementFlags.Special;
        flags[Hr] = ElementFlags.Special;
        flags[Html] = ElementFlags.Special | ElementFlags.ImplicitlyClosed | ElementFlags.Scoped | ElementFlags.TableSectionScoped | ElementFlags.TableScoped;
        flags[I] = ElementFlags.Formatting;
        flags[Iframe] = ElementFlags.Special;
        flags[Img] = ElementFlags.Special;
        flags[Input] = ElementFlags.Special;
        flags[Isindex] = ElementFlags.Special;
        flags[Keygen] = ElementFlags.Special;
        flags[Li] = ElementFlags.Special | ElementFlags.ImplicitlyClosed | ElementFlags.ImpliedEnd;
        flags[Link] = ElementFlags.Special;
        flags[Listing] = ElementFlags.Special;
        flags[Main] = ElementFlags.Special;
        flags[Marquee] = ElementFlags.Special | ElementFlags.Scoped;
        flags[Menu] = ElementFlags.Special;
        flags[Menuitem] = ElementFlags.Special;
        flags[Meta] = ElementFlags.Special;
        flags[Nav] = ElementFlags.Special;
        flags[Nobr] = ElementFlags.Formatting;
        flags[Noembed] = ElementFlags.Special;
        flags[Noframes] = ElementFlags.Special;
        flags[Noscript] = ElementFlags.Special;
        flags[ObjectElement] = ElementFlags.Special | ElementFlags.Scoped;
        flags[Ol] = ElementFlags.Special | ElementFlags.ListScoped;
        flags[Optgroup] = ElementFlags.ImplicitlyClosed | ElementFlags.ImpliedEnd | ElementFlags.SelectScoped;
        flags[Option] = ElementFlags.ImplicitlyClosed | ElementFlags.ImpliedEnd | ElementFlags.SelectScoped;
        flags[Output] = ElementFlags.Special;
        flags[P] = ElementFlags.Special | ElementFlags.ImplicitlyClosed | ElementFlags.ImpliedEnd;
        flags[Param] = ElementFlags.Special;
        flags[Plaintext] = ElementFlags.Special;
        flags[Pre] = ElementFlags.Special;
        flags[Rb] = ElementFlags.ImplicitlyClosed | ElementFlags.ImpliedEnd;
        flags[Rp] = ElementFlags.ImplicitlyClosed | ElementFlags.ImpliedEnd;
        flags[Rt] = ElementFlags.ImplicitlyClosed | ElementFlags.ImpliedEnd;
        flags[Rtc] = ElementFlags.ImplicitlyClosed | ElementFlags.ImpliedEnd;
        flags[S] = ElementFlags.Formatting;
        flags[Script] = ElementFlags.Special;
        flags[Section] = ElementFlags.Special;
        flags[Select] = ElementFlags.Special;
        flags[Small] = ElementFlags.Formatting;
        flags[Source] = ElementFlags.Special;
        flags[Strike] = ElementFlags.Formatting;
        flags[Strong] = ElementFlags.Formatting;
        flags[Style] = ElementFlags.Special;
        flags[Summary] = ElementFlags.Special;
        flags[Table] = ElementFlags.Special | ElementFlags.Scoped | ElementFlags.TableSectionScoped | ElementFlags.TableScoped;
        flags[Tbody] = ElementFlags.Special | ElementFlags.ImplicitlyClosed | ElementFlags.TableSectionScoped;
        flags[Td] = ElementFlags.Special | ElementFlags.ImplicitlyClosed | ElementFlags.Scoped;
        flags[Template] = ElementFlags.Special | ElementFlags.Scoped | ElementFlags.TableSectionScoped | ElementFlags.TableScoped;
        flags[Textarea] = ElementFlags.Special;
        flags[Tfoot] = ElementFlags.Special | ElementFlags.ImplicitlyClosed | ElementFlags.TableSectionScoped;
        flags[Th] = ElementFlags.Special | ElementFlags.ImplicitlyClosed | ElementFlags.Scoped;
        flags[Thead] = ElementFlags.Special | ElementFlags.ImplicitlyClosed | ElementFlags.TableSectionScoped;
        flags[Time] = ElementFlags.Special;
        flags[Title] = ElementFlags.Special;
        flags[Tr] = ElementFlags.Special | ElementFlags.ImplicitlyClosed;
        flags[Track] = ElementFlags.Special;
        flags[Tt] = ElementFlags.Formatting;
        flags[U] = ElementFlags.Formatting;
        flags[Ul] = ElementFlags.Special | ElementFlags.ListScoped;
        flags[Wbr] = ElementFlags.Special;
        flags[Xmp] = ElementFlags.Special;
        return flags;
    }
}
