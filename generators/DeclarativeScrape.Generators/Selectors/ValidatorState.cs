namespace DeclarativeScrape.Generators.Selectors;

/// <summary>Where <see cref="SelectorValidator"/> is in a selector, as the states of AngleSharp's constructor.</summary>
internal enum ValidatorState
{
    Data,
    Function,
    Attribute,
    AttributeOperator,
    AttributeValue,
    AttributeEnd,
    PseudoClass,
    PseudoElement,
}
