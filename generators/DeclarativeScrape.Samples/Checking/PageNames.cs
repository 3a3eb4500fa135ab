using System;
using System.Collections.Generic;
using AngleSharp.Dom;

namespace DeclarativeScrape.Samples.Checking
{
    /// <summary>The class names, ids and element names in a scope, each with the element name that first carries it.</summary>
    internal sealed class PageNames
    {
        private PageNames()
        {
        }

        public Dictionary<string, string> Classes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Ids { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Elements { get; } = new(StringComparer.Ordinal);

        public static PageNames Of(IParentNode scope, int maxElements)
        {
            var names = new PageNames();
            var pending = new Stack<INode>();
            pending.Push((INode)scope);
            var seen = 0;
            while (pending.Count > 0 && seen < maxElements)
            {
                var node = pending.Pop();
                var children = node.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--)
                {
                    if (children[i] is IElement element)
                    {
                        pending.Push(element);
                    }
                }

                if (node is not IElement current)
                {
                    continue;
                }

                seen++;
                var tag = current.LocalName;
                if (!names.Elements.ContainsKey(tag))
                {
                    names.Elements[tag] = tag;
                }

                if (current.Id is { Length: > 0 } id && !names.Ids.ContainsKey(id))
                {
                    names.Ids[id] = tag;
                }

                foreach (var name in current.ClassList)
                {
                    if (!names.Classes.ContainsKey(name))
                    {
                        names.Classes[name] = tag;
                    }
                }
            }

            return names;
        }
    }
}
