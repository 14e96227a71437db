// pyjudge-author: runs problem authors' generators and checkers for a judge, under its budget
// (judge/author_worker.hpp). Started by the judge, never by hand.
#include "judge/author_worker.hpp"

int main(int argc, char** argv) { return pyjudge::host::author_worker_main(argc, argv); }
