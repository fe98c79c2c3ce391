#pragma once

#include <windows.h>
#include <winsock2.h>

// One pipe client bridged to one TCP connection: bytes are pumped both ways, one thread per direction,
// until either side ends. The relay owns both ends from here on and closes them when both pumps are done.
// The pipe must have been created with FILE_FLAG_OVERLAPPED: the two pumps use it at the same time, and
// synchronous handles serialise their I/O (a pending read would hold up every write).
void relayConnection(HANDLE pipe, SOCKET socket, int id, bool verbose);
