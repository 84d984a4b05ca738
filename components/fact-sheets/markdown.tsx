import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/** A sheet's summary: Markdown with GitHub's extensions, sanitised (no script, no javascript: links, no raw HTML). */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-summary space-y-3 leading-relaxed [&_a]:underline [&_ol]:list-decimal [&_ol]:pl-6 [&_table]:text-sm [&_td]:border [&_td]:border-border [&_td]:px-2 [&_th]:border [&_th]:border-border [&_th]:px-2 [&_ul]:list-disc [&_ul]:pl-6">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
