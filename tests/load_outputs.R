# The R example of docs/outputs.md, run by make check when R is installed:
#   Rscript tests/load_outputs.R OUTDIR
suppressMessages(library(Matrix))
out <- commandArgs(trailingOnly = TRUE)[1]
m <- readMM(file.path(out, "matrix.antibody-drug.mtx"))
dimnames(m) <- list(readLines(file.path(out, "matrix.antibody-drug.rows")),
                    readLines(file.path(out, "matrix.antibody-drug.cols")))
pairs <- read.delim(file.path(out, "pairs.tsv"), quote = "", stringsAsFactors = FALSE)
dense <- as.matrix(read.csv(file.path(out, "matrix.antibody-drug.csv"), row.names = 1, check.names = FALSE))
ad <- pairs[pairs$type_a == "antibody" & pairs$type_b == "drug", ]
print(head(ad[order(ad$q_value), c("id_a", "id_b", "documents", "npmi", "q_value")], 5), row.names = FALSE)
stopifnot(all(dim(m) == dim(dense)), all(as.matrix(m) == dense))
stopifnot(all(mapply(function(a, b, n) m[a, b] == n, ad$id_a, ad$id_b, ad$documents)))
cat("outputs load in R (Matrix::readMM, read.delim) and agree\n")
