# leeway's PDF engine: lays out HTML files as PDFs with WeasyPrint, many in one
# process, so that the interpreter and WeasyPrint start once, not once a file.
# Run by leeway with Debian's python3 (the one WeasyPrint's own script names):
#   python3 pdf_engine.py HTML PDF [HTML PDF ...]
# Prints "done PDF" or "failed PDF: reason" a line for each; exit 1 if any failed.
# The documents refer to no file and no address: only data: URLs are fetched.
import logging
import sys


def main(args):
    try:
        import weasyprint
    except Exception as e:  # noqa: BLE001 - any import failure is reported the same way
        print(f"failed *: WeasyPrint cannot be imported: {e}", flush=True)
        return 1
    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    def fetch(url, *rest, **kw):
        if not url.startswith("data:"):
            raise ValueError(f"leeway documents refer to no file or address ({url[:80]})")
        return weasyprint.default_url_fetcher(url, *rest, **kw)

    failed = 0
    for html, pdf in zip(args[0::2], args[1::2]):
        try:
            weasyprint.HTML(filename=html, url_fetcher=fetch).write_pdf(pdf)
            print(f"done {pdf}", flush=True)
        except Exception as e:  # noqa: BLE001 - reported per file, the others go on
            failed += 1
            print(f"failed {pdf}: {e}", flush=True)
    return 1 if failed else 0


sys.exit(main(sys.argv[1:]))
