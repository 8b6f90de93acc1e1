"""Reading files into text, one reader per format: plain text and markdown (UTF-8, UTF-16, legacy
TCVN3/VNI fonts), .docx with its Word list numbering, .pdf with its page layout, and the repairs
that PDF extraction needs. Every reader returns one paragraph per line. Imports ``rag.text`` and
the records below it, nothing of the stages that read its output.
"""
