namespace DeclarativeScrape.Generators.Selectors;

/// <summary>The argument of a functional pseudo-class or pseudo-element, from its opening token to its ')'.</summary>
internal abstract class SelectorFunction
{
    protected SelectorFunction(SelectorValidator owner, SelectorToken opening, string name)
    {
        Owner = owner;
        Opening = opening;
        Name = name;
    }

    /// <summary>From the ':' to the '(' of the function.</summary>
    public SelectorToken Opening { get; }

    /// <summary>As written for messages, for example <c>:nth-child()</c>.</summary>
    public string Name { get; }

    public virtual bool IsNot => false;

    protected SelectorValidator Owner { get; }

    public static SelectorFunction Create(SelectorFunctionKind kind, SelectorValidator owner, SelectorToken opening, string name) => kind switch
    {
        SelectorFunctionKind.Nth => new NthFunction(owner, opening, name, allowOf: false),
        SelectorFunctionKind.NthOfSelector => new NthFunction(owner, opening, name, allowOf: true),
        SelectorFunctionKind.Identifier => new ValueFunction(owner, opening, name, allowString: false),
        SelectorFunctionKind.Text => new ValueFunction(owner, opening, name, allowString: true),
        _ => new SelectorListFunction(owner, opening, name, kind),
    };

    /// <summary>Takes the next token.</summary>
    /// <param name="token">A token after the opening one.</param>
    /// <returns><see langword="true"/> when the token is the ')' that closes the function.</returns>
    public abstract bool Accept(SelectorToken token);

    /// <summary>After the closing ')': whether the argument is one AngleSharp accepts.</summary>
    /// <param name="error">Why not, when the result is <see langword="false"/>.</param>
    /// <returns>Whether the function makes a selector.</returns>
    public abstract bool TryComplete(out SelectorError error);

    /// <summary>Why the input ended inside this function: an error in its argument, else the missing ')'.</summary>
    public virtual SelectorError Diagnose() => Unclosed();

    protected SelectorError Unclosed() => Owner.At(Opening, $"unclosed '{Name.Substring(0, Name.Length - 1)}': expected ')'");
}
