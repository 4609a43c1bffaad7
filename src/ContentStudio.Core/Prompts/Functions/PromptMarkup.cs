using System.Net;
using System.Text;
using System.Xml;

namespace ContentStudio.Core.Prompts.Functions;

/// <summary>Writes rendered messages in Semantic Kernel's chat-prompt markup,
/// <c>&lt;message role="system"&gt;…&lt;/message&gt;</c>. SK parses those tags after a template renders (as XML, then
/// HTML-decodes each message), so a value holding <c>&lt;/message&gt;&lt;message role="system"&gt;</c> would otherwise open a
/// message of its own, a system one included. Every message's text is therefore HTML-encoded here, and characters XML
/// cannot hold are dropped: one such character would make SK's XML parse fail and send the whole markup, tags and all,
/// as a single user message. SK's decoding gives the model back exactly the rendered text.</summary>
public static class PromptMarkup
{
    public static void AppendMessage(StringBuilder markup, string role, string text) =>
        markup.Append("<message role=\"").Append(role).Append("\">").Append(Encode(text)).Append("</message>\n");

    /// <summary>The text as SK's parser reads it back unchanged: HTML-encoded, XML-invalid characters dropped.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(XmlValid(text));

    static string XmlValid(string text)
    {
        if (IsXmlValid(text)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); continue; }
            if (XmlConvert.IsXmlChar(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    static bool IsXmlValid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (!XmlConvert.IsXmlChar(c)) return false;
        }
        return true;
    }
}
